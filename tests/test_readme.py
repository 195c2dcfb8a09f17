"""README.md leads with two commands that work on a fresh machine, and CI runs exactly them."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme.split("---", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", head)


def test_readme_leads_with_the_two_commands() -> None:
    install_and_list, install_and_test = readme_commands()
    assert install_and_list.endswith("navo-agenda list")
    assert "pytest" in install_and_test


def test_ci_runs_exactly_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in readme_commands():
        assert command in ci
