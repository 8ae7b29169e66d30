"""The README's Python sessions (```python blocks of >>> lines) run as shown: one interpreter
session, block after block (a later block uses the names an earlier one made), as a doctest whose
blank output lines are blank lines the REPL prints."""
import doctest
import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def sessions():
    blocks = re.findall(r"```python\n(>>> .*?)```", README.read_text(), re.S)
    return [re.sub(r"^$", "<BLANKLINE>", b.rstrip("\n"), flags=re.M) + "\n" for b in blocks]


def test_the_readme_has_python_sessions():
    assert len(sessions()) >= 2


def test_every_readme_session_runs_as_shown():
    test = doctest.DocTestParser().get_doctest("".join(sessions()), {}, "README.md", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 10 and result.failed == 0
