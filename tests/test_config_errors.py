"""Each kind of bad configuration is refused at start: one line naming the file, the key and
the problem, exit code 2, no traceback. Run through the real console entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.process import run_monitor

GOOD_WATCH = """
[[watch]]
name = "arms"
query = "Russia"
"""

CASES = {
    "bad duration": (
        '[fetch]\ntimeout = "fast"\n',
        'bad.toml: fetch.timeout: expected a duration like "20s", "10m" or "1h", got "fast"',
    ),
    "duration given as a bare number": (
        "[fetch]\ntimeout = 20\n",
        'bad.toml: fetch.timeout: expected a duration like "20s", got 20',
    ),
    "unknown key": (
        '[fetch]\ntimout = "20s"\n',
        'bad.toml: fetch.timout: unknown key (did you mean "timeout"?)',
    ),
    "wrong type": (
        '[fetch]\nmax_bytes = "lots"\n',
        'bad.toml: fetch.max_bytes: expected a whole number of at least 1_024, got "lots"',
    ),
    "wrong boolean": (
        '[fetch]\nrespect_robots = "yes"\n',
        'bad.toml: fetch.respect_robots: expected true or false, got "yes"',
    ),
    "invalid TOML": ("[fetch\ntimeout = 1\n", "bad.toml: invalid TOML: "),
    "unknown section": (
        '[feeds]\nurl = "x"\n',
        "bad.toml: feeds: unknown section (known: monitor, fetch, figures, recheck, health,"
        " source, watch, notify)",
    ),
    "source written as a table": (
        '[source]\nname = "a"\n',
        "bad.toml: source: expected tables written [[source]]",
    ),
    "missing required key": (
        '[[source]]\nname = "a"\n',
        "bad.toml: source[0].url: missing: this key is required",
    ),
    "key of another source type": (
        '[[source]]\nname = "a"\nurl = "https://example.org/rss"\nquery = "x"\n',
        'bad.toml: source[0].query: this key belongs to type "google-news", not "rss"',
    ),
    "two sources with one name": (
        '[[source]]\nname = "a"\nurl = "https://example.org/1"\n'
        '[[source]]\nname = "b"\nurl = "https://example.org/2"\n'
        '[[source]]\nname = "a"\nurl = "https://example.org/3"\n',
        'bad.toml: source[2].name: duplicate source name "a" (also source[0])',
    ),
    "not an http URL": (
        '[[source]]\nname = "a"\nurl = "ftp://example.org/feed"\n',
        'bad.toml: source[0].url: expected an http:// or https:// URL, got "ftp://example.org/feed"',
    ),
    "malformed query": (
        '[[watch]]\nname = "w"\nquery = \'"North Korea" AND (Russia OR\'\n',
        "bad.toml: watch[0].query: invalid query: ",
    ),
    "watch names an undefined notifier": (
        '[[watch]]\nname = "w"\nquery = "Russia"\nnotify = ["deskk"]\n'
        '[notify.desk]\ntype = "console"\n',
        "bad.toml: watch[0].notify: no [notify.deskk] table is defined (defined: desk)",
    ),
    "bad watch mode": (
        '[[watch]]\nname = "w"\nquery = "Russia"\nmode = "hourly"\n',
        'bad.toml: watch[0].mode: expected one of "instant", "digest", got "hourly"',
    ),
    "unknown notifier type": (
        GOOD_WATCH + '[notify.x]\ntype = "pager"\n',
        'bad.toml: notify.x.type: expected one of "email", "slack", "webhook", "console",'
        ' got "pager"',
    ),
    "notifier type of the wrong TOML type": (
        '[notify.x]\ntype = ["email"]\n',
        'bad.toml: notify.x.type: expected one of "email", "slack", "webhook", "console",'
        ' got ["email"]',
    ),
    "bad email address": (
        '[notify.desk]\ntype = "email"\nsmtp_url = "env:SMTP_URL"\nfrom = "monitor"\n'
        'to = ["desk@example.org"]\n',
        'bad.toml: notify.desk.from: expected an email address like "desk@example.org",'
        ' got "monitor"',
    ),
    "two watches with one name": (
        GOOD_WATCH + GOOD_WATCH,
        'bad.toml: watch[1].name: duplicate watch name "arms" (also watch[0])',
    ),
    "notify written as a value": (
        "notify = 3\n",
        "bad.toml: notify: expected a table written [notify]",
    ),
    "a notifier listed twice": (
        '[[watch]]\nname = "w"\nquery = "Russia"\nnotify = ["desk", "desk"]\n'
        '[notify.desk]\ntype = "console"\n',
        'bad.toml: watch[0].notify: "desk" is listed twice',
    ),
    "a name longer than the database keeps": (
        f'[[watch]]\nname = "{"w" * 201}"\nquery = "Russia"\n',
        "bad.toml: watch[0].name: expected a name of 1 to 200 printable characters",
    ),
    "poll interval below the minimum": (
        '[[source]]\nname = "a"\nurl = "https://example.org/rss"\nevery = "5s"\n',
        'bad.toml: source[0].every: expected a duration of at least 1m, got "5s"',
    ),
    "per-host limit above the total": (
        "[fetch]\nconcurrency = 2\nper_host = 4\n",
        "bad.toml: fetch.per_host: 4 is more than fetch.concurrency (2)",
    ),
    "URL with a space": (
        '[[source]]\nname = "a"\nurl = "https://example.org/a feed"\n',
        "bad.toml: source[0].url: expected an http:// or https:// URL,"
        ' got "https://example.org/a feed"',
    ),
    "email with a header injected": (
        '[notify.desk]\ntype = "email"\nsmtp_url = "env:SMTP_URL"\nfrom = "m@example.org"\n'
        'to = ["desk@example.org\\nBcc: spy@example.net"]\n',
        "bad.toml: notify.desk.to: expected an email address",
    ),
    "two addresses in one": (
        '[notify.desk]\ntype = "email"\nsmtp_url = "env:SMTP_URL"\n'
        'from = "a@example.org, b@example.org"\nto = ["desk@example.org"]\n',
        "bad.toml: notify.desk.from: expected an email address",
    ),
    "in-memory SQLite": (
        '[monitor]\ndatabase_url = "sqlite://"\n',
        "bad.toml: monitor.database_url: an in-memory SQLite database loses everything;"
        " give a file path",
    ),
    "database URL with a bad port": (
        '[monitor]\ndatabase_url = "postgresql://fm:pw@db:abc/fm"\n',
        'bad.toml: monitor.database_url: expected a database URL like "sqlite:///monitor.db" or'
        ' "postgresql+psycopg://user@host/db" (the value is hidden)',
    ),
    "query nested too deeply": (
        f'[[watch]]\nname = "w"\nquery = "{"(" * 2000}a{")" * 2000}"\n',
        "bad.toml: watch[0].query: invalid query: the query is nested too deeply at column 1",
    ),
    "unsupported database": (
        '[monitor]\ndatabase_url = "mysql://root@localhost/fm"\n',
        "bad.toml: monitor.database_url: expected a database URL like"
        ' "sqlite:///monitor.db" or "postgresql+psycopg://user@host/db";'
        " driver 'mysql' is not supported",
    ),
    "figures written as a value": (
        "figures = 3\n",
        "bad.toml: figures: expected a table written [figures]",
    ),
    "negative small-number cut-off": (
        "[figures]\nsmall_spelled_max = -1\n",
        "bad.toml: figures.small_spelled_max: expected a whole number of at least 0, got -1",
    ),
    "unknown figures key": (
        "[figures]\nsynonym = {}\n",
        'bad.toml: figures.synonym: unknown key (did you mean "synonyms"?)',
    ),
    "synonyms written as a list": (
        '[figures]\nsynonyms = ["shell"]\n',
        "bad.toml: figures.synonyms: expected a table written [figures.synonyms]"
        ' of group = ["word", ...], got ["shell"]',
    ),
    "synonym words written as one string": (
        '[figures.synonyms]\nammunition = "shell"\n',
        'bad.toml: figures.synonyms.ammunition: expected a list of words like ["shell",'
        ' "artillery shell"], got "shell"',
    ),
    "a synonym word that is not a string": (
        '[figures.synonyms]\nammunition = ["shell", 3]\n',
        "bad.toml: figures.synonyms.ammunition: expected a word (a non-empty string), got 3",
    ),
    "an empty synonym word": (
        '[figures.synonyms]\nammunition = ["shell", " "]\n',
        'bad.toml: figures.synonyms.ammunition: expected a word (a non-empty string), got " "',
    ),
    "an empty synonym group name": (
        '[figures.synonyms]\n"" = ["shell"]\n',
        'bad.toml: figures.synonyms."": expected a group name of printable characters, got ""',
    ),
    "a group name that is not a bare key is quoted": (
        '[figures.synonyms]\n"heavy weapons" = [["tank"]]\n',
        'bad.toml: figures.synonyms."heavy weapons": expected a word (a non-empty string),'
        ' got ["tank"]',
    ),
    "a word under two groups": (
        '[figures.synonyms]\nammunition = ["shell"]\nexplosives = ["bomb", "Shell"]\n',
        'bad.toml: figures.synonyms.explosives: "shell" is listed under both "ammunition" and'
        ' "explosives"; a word belongs to one group',
    ),
    "a word listed twice in one group": (
        '[figures.synonyms]\nammunition = ["shell", "artillery  shell", "Artillery Shell"]\n',
        'bad.toml: figures.synonyms.ammunition: "artillery shell" is listed twice',
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_bad_configuration_is_one_line_exit_2(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    result = run_monitor("--config", "bad.toml", "status", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected)
    assert result.stdout == ""
    assert not (tmp_path / "monitor.db").exists(), "a refused config must not touch a database"


def test_malformed_query_error_points_at_the_column(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        '[[watch]]\nname = "w"\nquery = "Russia AND (Moscow OR"\n', encoding="utf-8"
    )
    result = run_monitor("--config", "bad.toml", "status", cwd=tmp_path)
    assert result.returncode == 2
    assert "column" in result.stderr


def test_missing_configuration_file(tmp_path: Path) -> None:
    result = run_monitor("--config", "nowhere.toml", "status", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "nowhere.toml: no such configuration file\n")


def test_bad_environment_override_names_the_variable(tmp_path: Path) -> None:
    result = run_monitor("status", cwd=tmp_path, env={"MONITOR_FETCH_TIMEOUT": "fast"})
    assert result.returncode == 2
    assert result.stderr == (
        '$MONITOR_FETCH_TIMEOUT: fetch.timeout: expected a duration like "20s", "10m" or "1h",'
        ' got "fast"\n'
    )


def test_secret_in_the_wrong_shape_is_not_echoed(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        '[notify.desk]\ntype = "slack"\nwebhook_url = ["https://hooks.example.org/T0/hunter2"]\n',
        encoding="utf-8",
    )
    result = run_monitor("--config", "bad.toml", "status", cwd=tmp_path)
    assert result.returncode == 2
    assert "notify.desk.webhook_url" in result.stderr
    assert "hunter2" not in result.stderr


def test_config_check_refuses_an_unset_secret_and_accepts_a_set_one(tmp_path: Path) -> None:
    (tmp_path / "monitor.toml").write_text(
        GOOD_WATCH + '[notify.ops]\ntype = "slack"\nwebhook_url = "env:FM_SLACK"\n',
        encoding="utf-8",
    )
    missing = run_monitor("config", "check", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == (
        "monitor.toml: notify.ops.webhook_url: environment variable FM_SLACK is not set\n"
    )
    secret = "https://hooks.example.org/T0/B0/hunter2"
    present = run_monitor("config", "check", cwd=tmp_path, env={"FM_SLACK": secret})
    assert present.returncode == 0, present.stderr
    assert "monitor.toml: ok (0 sources, 1 watches, 1 notifiers" in present.stdout
    assert "hunter2" not in present.stdout + present.stderr


def test_secret_url_of_the_wrong_kind_is_refused_without_showing_it(tmp_path: Path) -> None:
    (tmp_path / "monitor.toml").write_text(
        '[notify.desk]\ntype = "email"\nsmtp_url = "env:FM_SMTP"\nfrom = "m@example.org"\n'
        'to = ["d@example.org"]\n',
        encoding="utf-8",
    )
    result = run_monitor(
        "config", "check", cwd=tmp_path, env={"FM_SMTP": "https://user:hunter2@mail.example.org"}
    )
    assert result.returncode == 2
    assert result.stderr == (
        "monitor.toml: notify.desk.smtp_url: expected an smtp:// or smtps:// URL"
        " (from $FM_SMTP); the value is hidden\n"
    )


def test_database_url_that_is_not_a_string_is_not_echoed(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        '[monitor]\ndatabase_url = ["postgresql://fm:hunter2@db/fm"]\n', encoding="utf-8"
    )
    result = run_monitor("--config", "bad.toml", "status", cwd=tmp_path)
    assert result.returncode == 2
    assert "monitor.database_url" in result.stderr and "hunter2" not in result.stderr


def test_synonyms_cannot_be_set_from_the_environment(tmp_path: Path) -> None:
    result = run_monitor("status", cwd=tmp_path, env={"MONITOR_FIGURES_SYNONYMS": "shell"})
    assert result.returncode == 2
    assert result.stderr == (
        "$MONITOR_FIGURES_SYNONYMS: figures.synonyms is set in the configuration file only\n"
    )


def test_misspelt_override_variable_is_refused(tmp_path: Path) -> None:
    result = run_monitor("status", cwd=tmp_path, env={"MONITOR_FETCH_TIMOUT": "30s"})
    assert result.returncode == 2
    assert result.stderr == (
        "$MONITOR_FETCH_TIMOUT: no configuration key reads this variable"
        ' (did you mean "MONITOR_FETCH_TIMEOUT"?)\n'
    )


def test_notifier_names_whose_variables_collide_are_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        '[notify.ops]\ntype = "slack"\nwebhook_url = "env:A"\n'
        '[notify.ops-webhook]\ntype = "webhook"\nurl = "http://127.0.0.1:9/x"\n',
        encoding="utf-8",
    )
    result = run_monitor("--config", "bad.toml", "status", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "bad.toml: notify.ops-webhook.url: $MONITOR_NOTIFY_OPS_WEBHOOK_URL would override both"
        " this and notify.ops.webhook_url; rename a notifier\n"
    )
