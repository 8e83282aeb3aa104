"""The CLI's exit-2 contract (issue 12, item 11): bad input gives exit 2 and ONE stderr line
that says what to do, never "unexpected error" and never a traceback."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.cli import main
from tests.conftest import ROOT

KIT = "kaffeekontor-hamburg"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


def png_header(width: int, height: int, bit_depth: int = 8, colour: int = 2) -> bytes:
    """A PNG that declares ``width`` x ``height`` (and has no pixel data): enough for the
    header checks, which must refuse it before anything is decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.fixture(autouse=True)
def _example_kits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(ROOT / "brand_kits"))


def assert_one_line(code: int, err: str, hint: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("postwerk: "), err
    assert "unexpected error" not in err and "Traceback" not in err, err
    assert hint in err, err


DRAFT = ("draft", "--brand", KIT, "--brief", "Neue Bohnen")


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        ((*DRAFT, "--lang", "klingon"), "use de or en"),
        ((*DRAFT, "--variants", "0"), "between 1 and 5"),
        ((*DRAFT, "--variants", "99"), "between 1 and 5"),
        ((*DRAFT, "--link", "javascript:alert(1)"), "give an http(s) URL"),
        ((*DRAFT, "--link", "file:///etc/passwd"), "give an http(s) URL"),
        (("links", "--text", "https://example.de", "--timeout", "0"), "from 0.1 to 60"),
        (("links", "--text", "https://example.de", "--timeout", "nan"), "from 0.1 to 60"),
        (("queue", "show", "-5"), "give a whole number"),
        (("queue", "show", "abc"), "give a whole number"),
        (("queue", "show", "1e23"), "give a whole number"),
        (("queue", "show", "99999999999999999999999"), "give a whole number"),
        (("queue", "approve", "1", "-3"), "give a whole number"),
        (("queue", "list", "--platform", "myspace"), "unknown platform 'myspace'; use one of"),
        (("check", "-p", ",,,", "-t", "Moin"), "names nothing"),
        (("images", "-i", "/tmp/x.jpg", "-o", "/tmp/out", "-p", ",,"), "names nothing"),
        (("week", "--brand", KIT, "--start", "9999-12-31", "--dry-run"), "ten years ahead"),
        (("queue", "frob"), "see `postwerk queue --help`"),
        (("check", "--bogus"), "see `postwerk check --help`"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    args: tuple[str, ...], hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert not out
    assert_one_line(code, err, hint)


def test_images_over_179_megapixels_to_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header(14_000, 13_000))  # 182 MP: Pillow's own hard stop
    code, _, err = run(capsys, "check", "-p", "x", "-t", "Moin", "--image", str(bomb))
    assert_one_line(code, err, "scale it down")
    big = tmp_path / "big.png"
    big.write_bytes(png_header(12_000, 11_000))  # 132 MP: over our 120 MP limit
    code, _, err = run(capsys, "check", "-p", "x", "-t", "Moin", "--image", str(big))
    assert_one_line(code, err, "the limit is 120 megapixels")


def test_images_input_that_is_not_a_regular_file(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    code, _, err = run(capsys, "images", "--input", "/dev/zero", "--out", str(tmp_path / "o"))
    assert_one_line(code, err, "not a regular file")
    code, _, err = run(capsys, "check", "-p", "x", "-t", "Hi", "--image", "/dev/zero")
    assert_one_line(code, err, "not a regular file")


@pytest.mark.parametrize("depth", [40, 5000])
def test_deep_yaml_kit(depth: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "deep"
    kit.mkdir()
    (kit / "kit.yaml").write_text(
        "id: deep-kit\nname: Deep\nlegal: {name: A, legal_form: GmbH}\n"
        f"tone: {'[' * depth}{']' * depth}\n"
    )
    code, _, err = run(capsys, "brand", "import", str(kit))
    # ours stops at 32 levels; libyaml's parser itself at 1000
    assert_one_line(code, err, "nest")
    assert err.startswith("postwerk: deep/kit.yaml: ")  # the user's folder, not our staging


def test_valid_link_and_range_still_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    """The guards refuse only what is wrong: a normal plan passes them."""
    code, out, err = run(capsys, "week", "--brand", KIT, "--start", "2031-01-06", "--dry-run")
    assert code == 0 and "Mon 06.01." in out and not err


def test_text_input_is_read_only_up_to_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "post.txt"
    with big.open("wb") as fh:
        fh.truncate(5 * 1024**3)  # 5 GB of (sparse) zeros: reading it whole would exhaust memory
    code, _, err = run(capsys, "check", "-p", "x", "--file", str(big))
    assert_one_line(code, err, "give the text of one post")
    with open("/dev/zero") as endless:  # an endless stdin
        monkeypatch.setattr("sys.stdin", endless)
        code, _, err = run(capsys, "check", "-p", "x", "--file", "-")
    assert_one_line(code, err, "stdin holds more than 400 KB")


# Arguments a user (or a script with a bug) might pass where a number, an id, a date, a
# platform or a link belongs: whatever comes, the answer is a result or one line, exit 2.
ODD = st.one_of(
    st.text(min_size=0, max_size=12),
    st.sampled_from(["-1", "0", "1e23", "nan", "inf", "-inf", "1.5", "2**64", "0x10", " 7 ",
                     "9" * 30, "٣", "¹", ",", ",,x,,", "--", "-", "../../etc", "\x00"]),
)
TEMPLATES = (
    ("queue", "show", "{}"),
    ("queue", "approve", "{}"),
    ("queue", "list", "--platform", "{}"),
    ("check", "-p", "{}", "-t", "Moin"),
    ("links", "--text", "Moin", "--timeout", "{}"),
    ("week", "--brand", KIT, "--start", "{}", "--dry-run", "--days", "1"),
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(template=st.sampled_from(TEMPLATES), value=ODD)
def test_odd_values_never_escape_the_contract(
    template: tuple[str, ...], value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [value if part == "{}" else part for part in template]
    code, _, err = run(capsys, *args)
    assert code in (0, 1, 2), err
    assert "unexpected error" not in err and "Traceback" not in err, (args, err)
    assert err.count("\n") <= 1, (args, err)
