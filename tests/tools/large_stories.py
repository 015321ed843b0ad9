"""Stories written to be too big for a search to finish: the attacks on ``test`` and
``explore``. Each function gives the passages and the header, for the ``story_dir`` fixture."""

from __future__ import annotations


def wide_page(choices: int) -> tuple[str, str]:
    """A first page offering ``choices`` choices, each behind a condition that holds."""
    lines = ["passages:", "  start:", "    text: A form with a box for every answer.", "    choices:"]
    for n in range(choices):
        lines += [f"      - text: Answer {n}.", "        when: patience > 0", "        goto: end"]
    lines += ["  end:", "    text: Filed.", "    ending: {title: Filed}"]
    header = "story:\n  title: Forms\n  start: start\n  home: rongcheng\n  variables: {patience: 1}\n"
    return "\n".join(lines) + "\n", header


def many_variables(variables: int, pages: int) -> tuple[str, str]:
    """A loop of ``pages`` pages over ``variables`` numbers; every page rolls three dice and
    offers three choices that each add to a different number, so no two lives are ever in
    the same state and each waiting life holds every number."""
    names = [f"v{n}" for n in range(variables)]
    lines = ["passages:"]
    for page in range(pages):
        following = f"p{page + 1}" if page + 1 < pages else "p0"
        lines += [f"  p{page}:", f"    text: Page {page}.",
                  "    do: [{roll: r1}, {roll: r2}, {roll: r3}]", "    choices:"]
        for k in range(3):
            name = names[(page * 3 + k) % variables]
            lines += [f"      - text: Add to {name}.", f"        do: [{{add: {{{name}: 1}}}}]",
                      f"        goto: {following}"]
        lines += ["      - {text: Stop., when: r1 > 99, goto: end}"]
    lines += ["  end:", "    text: Done.", "    ending: {title: Done}"]
    header = ("story:\n  title: Numbers\n  start: p0\n  home: rongcheng\n  variables:\n"
              + "".join(f"    {name}: 0\n" for name in names))
    return "\n".join(lines) + "\n", header
