from __future__ import annotations

import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from monitor.config import ConfigError, load_settings
from monitor.config import keys as k
from monitor.config.settings import FigureSettings, Settings
from monitor.figures.exclusions import SMALL_SPELLED_MAX
from monitor.figures.measures import DEFAULT_SYNONYMS
from monitor.figures.options import FigureOptions, figure_options
from monitor.secrets import Secret

ROOT = Path(__file__).resolve().parents[1]

FULL = """
[monitor]
database_url = "sqlite:///data/fm.db"

[fetch]
timeout = "45s"
per_host = 3

[[source]]
name = "feed-a"
url = "https://news.example.org/rss.xml"
every = "5m"

[[source]]
name = "gnews"
type = "google-news"
query = "artillery shells"

[[watch]]
name = "arms"
query = '"North Korea" AND Russia'
notify = ["desk", "ops"]
mode = "digest"
digest_every = "2h"

[notify.desk]
type = "email"
smtp_url = "env:TEST_SMTP_URL"
from = "monitor@example.org"
to = ["desk@example.org", "night@example.org"]

[notify.ops]
type = "slack"
webhook_url = "env:TEST_SLACK_URL"
"""


def write(tmp_path: Path, text: str, name: str = "monitor.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_built_in_defaults_without_any_file() -> None:
    settings = load_settings(environ={})
    assert settings.origin == "built-in defaults"
    assert settings.monitor.database_url == "sqlite:///monitor.db"
    assert settings.fetch.timeout == 20.0
    assert settings.fetch.max_bytes == 5_000_000
    assert settings.fetch.allow_private_addresses is False
    assert settings.sources == () and settings.watches == ()


def test_full_file_becomes_typed_settings(tmp_path: Path) -> None:
    environ = {"TEST_SMTP_URL": "smtp://u:p@mail.example.org:25"}
    settings = load_settings(write(tmp_path, FULL), environ=environ)
    assert settings.fetch.timeout == 45.0
    assert settings.fetch.per_host == 3
    assert settings.fetch.concurrency == 16
    feed, gnews = settings.sources
    assert (feed.name, feed.type, feed.url, feed.every) == (
        "feed-a",
        "rss",
        "https://news.example.org/rss.xml",
        300.0,
    )
    assert (gnews.type, gnews.query, gnews.language, gnews.region) == (
        "google-news",
        "artillery shells",
        "en",
        "US",
    )
    (watch,) = settings.watches
    assert watch.notify == ("desk", "ops")
    assert (watch.mode, watch.digest_every) == ("digest", 7200.0)
    desk = settings.notifiers["desk"]
    assert desk.type == "email"
    assert desk.options["to"] == ("desk@example.org", "night@example.org")
    smtp_url = desk.options["smtp_url"]
    assert isinstance(smtp_url, Secret) and smtp_url.reveal() == environ["TEST_SMTP_URL"]
    assert [e.key for e in settings.missing_secrets()] == ["notify.ops.webhook_url"]


def test_settings_repr_never_shows_a_secret(tmp_path: Path) -> None:
    environ = {"TEST_SMTP_URL": "smtp://u:s3cr3t-pass@mail", "TEST_SLACK_URL": "https://hooks/x"}
    settings = load_settings(write(tmp_path, FULL), environ=environ)
    assert "s3cr3t-pass" not in repr(settings)
    assert "hooks/x" not in repr(settings)
    settings.require_secrets()


def test_file_precedence_flag_then_variable_then_working_directory(tmp_path: Path) -> None:
    flag = write(tmp_path, '[monitor]\nlog_level = "DEBUG"\n', "flag.toml")
    variable = write(tmp_path, '[monitor]\nlog_level = "ERROR"\n', "variable.toml")
    write(tmp_path, '[monitor]\nlog_level = "WARNING"\n')  # ./monitor.toml (cwd is tmp_path)
    environ = {"MONITOR_CONFIG": str(variable)}
    assert load_settings(flag, environ=environ).monitor.log_level == "DEBUG"
    assert load_settings(environ=environ).monitor.log_level == "ERROR"
    assert load_settings(environ={}).monitor.log_level == "WARNING"
    assert load_settings(environ={}).origin == "monitor.toml"


def test_environment_overrides_file_values_with_typed_conversion(tmp_path: Path) -> None:
    environ = {
        "MONITOR_DATABASE_URL": "postgresql://fm@db.example.org/fm",
        "MONITOR_FETCH_TIMEOUT": "1m",
        "MONITOR_FETCH_MAX_BYTES": "1_000_000",
        "MONITOR_FETCH_ALLOW_PRIVATE_ADDRESSES": "yes",
        "MONITOR_NOTIFY_DESK_TO": "a@example.org, b@example.org",
        "MONITOR_NOTIFY_OPS_WEBHOOK_URL": "https://hooks.example.org/T0/B0/xyz",
    }
    settings = load_settings(write(tmp_path, FULL), environ=environ)
    # A bare postgresql:// URL is given the psycopg 3 driver the project ships.
    assert settings.monitor.database_url == "postgresql+psycopg://fm@db.example.org/fm"
    assert settings.fetch.timeout == 60.0
    assert settings.fetch.max_bytes == 1_000_000
    assert settings.fetch.allow_private_addresses is True
    assert settings.notifiers["desk"].options["to"] == ("a@example.org", "b@example.org")
    slack_url = settings.notifiers["ops"].options["webhook_url"]
    assert isinstance(slack_url, Secret) and slack_url.reveal().endswith("/xyz")


def test_environment_overrides_apply_without_a_file() -> None:
    settings = load_settings(environ={"MONITOR_LOG_LEVEL": "DEBUG"})
    assert settings.monitor.log_level == "DEBUG"


def test_bad_environment_value_names_the_variable() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={"MONITOR_FETCH_PER_HOST": "two"})
    assert str(caught.value) == (
        '$MONITOR_FETCH_PER_HOST: fetch.per_host: expected a whole number of at least 1, got "two"'
    )


@pytest.mark.parametrize("name", ["monitor.example.toml", "demo.toml", "compose.toml"])
def test_shipped_configuration_files_are_valid(name: str) -> None:
    settings = load_settings(ROOT / "config" / name, environ={})
    assert settings.origin.endswith(name)
    assert settings.watches, "every shipped configuration follows at least one story"


def test_notifier_names_with_hyphens_map_to_underscores_in_variables(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[notify.night-desk]\ntype = "email"\nsmtp_url = "env:X"\nfrom = "m@example.org"\n'
        'to = ["a@example.org"]\n',
    )
    environ = {"MONITOR_NOTIFY_NIGHT_DESK_TO": "night@example.org"}
    settings = load_settings(path, environ=environ)
    assert settings.notifiers["night-desk"].options["to"] == ("night@example.org",)


def test_choices_accept_any_letter_case() -> None:
    settings = load_settings(environ={"MONITOR_LOG_LEVEL": "debug"})
    assert settings.monitor.log_level == "DEBUG"


def test_a_file_starting_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + b'[fetch]\ntimeout = "30s"\n')
    assert load_settings(path, environ={}).fetch.timeout == 30.0


def test_sqlite_paths_expand_the_home_folder() -> None:
    settings = load_settings(environ={"MONITOR_DATABASE_URL": "sqlite:///~/fm/monitor.db"})
    assert settings.monitor.database_url == f"sqlite:///{Path.home() / 'fm' / 'monitor.db'}"


def test_names_are_trimmed(tmp_path: Path) -> None:
    path = write(tmp_path, '[[watch]]\nname = "  arms "\nquery = "Russia"\n')
    assert load_settings(path, environ={}).watches[0].name == "arms"


FIGURES = """
[figures]
small_spelled_max = 3

[figures.synonyms]
ammunition = ["mortar bomb", "Artillery   Shell"]
explosives = ["shell"]
drones = ["drone", "UAV"]
"""


def test_figures_defaults_without_a_table() -> None:
    figures = load_settings(environ={}).figures
    assert figures == FigureSettings(small_spelled_max=SMALL_SPELLED_MAX, synonyms={})
    assert figures.small_spelled_max == 10


def test_figures_synonyms_are_flattened_and_normalised(tmp_path: Path) -> None:
    figures = load_settings(write(tmp_path, FIGURES), environ={}).figures
    assert figures.small_spelled_max == 3
    # Lower case and single spaces: the form measure names are matched in.
    assert figures.synonyms == {
        "mortar bomb": "ammunition",
        "artillery shell": "ammunition",
        "shell": "explosives",
        "drone": "drones",
        "uav": "drones",
    }


def test_group_names_are_lower_cased_like_measure_names(tmp_path: Path) -> None:
    path = write(tmp_path, '[figures.synonyms]\n"Heavy  Weapons" = ["tank"]\n')
    assert load_settings(path, environ={}).figures.synonyms == {"tank": "heavy weapons"}


def test_an_empty_synonym_group_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "[figures.synonyms]\nammunition = []\n")
    assert load_settings(path, environ={}).figures.synonyms == {}


def test_small_spelled_max_is_overridden_by_the_environment(tmp_path: Path) -> None:
    environ = {"MONITOR_FIGURES_SMALL_SPELLED_MAX": "0"}
    settings = load_settings(write(tmp_path, FIGURES), environ=environ)
    assert settings.figures.small_spelled_max == 0
    assert settings.figures.synonyms["uav"] == "drones"


def test_misspelt_figures_variable_is_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={"MONITOR_FIGURES_SMALL_SPELLED": "3"})
    assert str(caught.value) == (
        "$MONITOR_FIGURES_SMALL_SPELLED: no configuration key reads this variable"
        ' (did you mean "MONITOR_FIGURES_SMALL_SPELLED_MAX"?)'
    )


def test_figure_options_extend_and_override_the_built_in_synonyms(tmp_path: Path) -> None:
    options = figure_options(load_settings(write(tmp_path, FIGURES), environ={}))
    assert options.small_spelled_max == 3
    assert options.synonyms["drone"] == "drones"  # added
    assert options.synonyms["shell"] == "explosives"  # the configured group wins
    assert options.synonyms["round"] == "ammunition"  # built-in words not named stay
    assert options.synonyms["soldier"] == "troops"
    assert set(options.synonyms) == set(DEFAULT_SYNONYMS) | {"mortar bomb", "drone", "uav"}
    assert DEFAULT_SYNONYMS["shell"] == "ammunition", "the built-in table is never changed"


def test_figure_options_without_configuration_are_the_defaults() -> None:
    assert figure_options(load_settings(environ={})) == FigureOptions()
    assert FigureOptions().synonyms == DEFAULT_SYNONYMS


def test_settings_built_without_figures_get_the_defaults() -> None:
    defaults = load_settings(environ={})
    settings = Settings(origin="test", monitor=defaults.monitor, fetch=defaults.fetch)
    assert settings.figures == FigureSettings()


def test_figures_keys_match_the_settings_and_are_documented() -> None:
    # tests/test_config_documented.py walks the other sections; [figures] holds a sub-table,
    # which its line-by-line comment check does not read, so it is checked here.
    assert {f.name for f in fields(FigureSettings)} == {key.name for key in k.FIGURES_KEYS}
    example = (ROOT / "config" / "monitor.example.toml").read_text(encoding="utf-8")
    assert set(tomllib.loads(example)["figures"]) == {key.name for key in k.FIGURES_KEYS}
    lines = example.splitlines()
    for opening in ("small_spelled_max =", "[figures.synonyms]"):
        number = next(i for i, line in enumerate(lines) if line.startswith(opening))
        assert lines[number - 1].startswith("#"), f"{opening} needs a comment above it"
