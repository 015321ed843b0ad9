"""The story compiler, in the phases a story goes through on its way to the model.

``discovery`` (beside this package) decides which files are read and what reading them may
cost. Then, for each file read:

* ``sections`` sorts a file's top-level sections into what was gathered so far;
* ``passages`` (with ``effects``) builds each passage from its YAML as soon as its file is
  read, so a large story's values are never all held at once;

and once every file is read:

* ``recorded`` labels the behaviours, sources and subjects; ``jurisdictions`` (with
  ``rules``) builds the cities' rules, then applies what mods add to them;
* ``header`` reads the story section; ``additions`` applies what mods add to passages
  (``extend``, ``goto: {after: …}``);
* ``checks`` looks at the whole story: names cross-checked, conditions type-checked,
  duplicate names and unreachable passages warned about;
* ``debrief_words`` reads the story's ``debrief`` section (kept by ``sections`` as it is
  read), once every variable it may name is known.

``build`` runs the phases in that order. Every phase reads single values through ``values``
and reports into the same ``Gathered``, so all of a story's problems come back together;
``format`` declares the keys each mapping may and must have, for the loader and the editors'
schema alike. ``game.engine.loader`` is the front door.
"""
