"""The browser edition: the same story and the same engine, from a folder of static files.

``build`` writes the folder (the page, its script and style, the engine's Python files, the
story compiled, and the Pyodide core that runs Python in the browser, fetched with npm);
``serve`` serves it on this machine; ``life`` and ``pages`` are the Python the browser runs,
answering the page's requests and writing what it shows.  The page's own files are in
``front/``.  See docs/web.md.
"""
