"""Narration: what the real scenes are read as, in which order, what is dropped when the
player moves on, the voices chosen for each language, the voice script, and bad files."""

import csv
import shutil
import struct
import sys
import time
import wave

import pytest

from game import i18n, log
from game.autoplay import Driver, headless, start_app
from game.cli import main
from game.content import check_file
from game.resources import SCENARIOS_FILE
from game.session import Access
from game.speech import Line, Narrator, Part, RecordingBackend, narrator_for
from game.speech import backends as backends_module
from game.speech.backends import Espeak, ProgramVoice, RecordedVoice
from game.speech.lines import word_id
from game.speech.script import all_rows

# What the player sees as leaving a screen: a new screen, or picking / answering.
LEAVING = {
    "title",
    "menu",
    "scene",
    "profile",
    "question",
    "efficacy",
    "feedback",
    "ending",
    "results",
    "chosen",
    "answer",
    "efficacy_answer",
    "focus",
}


@pytest.fixture(scope="module")
def content():
    content, diags = check_file(SCENARIOS_FILE)
    assert not [d for d in diags if d.is_error]
    return content


@pytest.fixture(autouse=True)
def english_and_fresh_warnings():
    log.reset()
    yield
    i18n.set_locale("en")
    log.reset()


def narrated_game(content, locale, backend):
    """A headless game whose narrator speaks through `backend`, pumped after each frame;
    the events the scenes showed, in order, are in `seen` (after the title screen's)."""
    seen: list[tuple[str, dict]] = []
    app = start_app(content, locale, observer=lambda kind, data: seen.append((kind, data)))
    app.drawing = False
    seen.clear()
    narrator = Narrator(
        [backend], locale, access=Access(narration=True), content=app.content, threaded=False
    )
    app.speech = narrator
    driver = Driver(app, keys=True, dt=0.1, on_frame=lambda _app: narrator.pump())
    return app, narrator, driver, seen


def is_subsequence(wanted, spoken) -> bool:
    it = iter(spoken)
    return all(any(s == w for s in it) for w in wanted)


def expected_lines(kind, data, words) -> list[str]:
    """The lines each event should be read as, as the player would expect them."""
    if kind == "message":
        request = {
            "photo": "Photo request",
            "camera": "Camera request",
            "location": "Location request",
            "money": "Money request",
        }.get(data.get("request", ""))
        parts = [data["speaker"], words(request) if request else "", data["text"]]
        return [": ".join(p for p in parts if p)]
    if kind == "question":
        return [data["ask"], *(f"{i}: {a}" for i, a in enumerate(data["answers"], 1))]
    if kind == "efficacy":
        return [data["ask"], *(f"{i}: {o}" for i, o in enumerate(data["options"], 1))]
    if kind == "choices":
        return [f"{i}: {t}" for i, (t, _s) in enumerate(data["choices"], 1)]
    if kind == "feedback":
        return [t for t in (data["text"], data["way_back"]) if t]
    if kind == "ending":
        tell = words("First, tell a trusted adult")
        return [data["title"], data["text"], data["takeaway"], f"{tell}: {data['adult']}"]
    return []


@pytest.mark.parametrize("locale, story", [("en", 0), ("pt_BR", 1)])
def test_a_whole_story_played_by_keyboard_is_read_in_order(content, locale, story):
    recording = RecordingBackend()
    app, narrator, driver, seen = narrated_game(content, locale, recording)
    driver.play(content.scenarios[story].id)
    spoken = recording.texts
    words = i18n.catalog(locale).gettext

    assert {s.locale for s in recording.spoken} == {locale}
    assert {s.rate for s in recording.spoken} == {"normal"}
    # Everything the story showed was read, in the order it appeared: each message as it
    # arrived, the question before its options, the feedback after the player's choice.
    wanted = [line for kind, data in seen for line in expected_lines(kind, data, words)]
    assert len(wanted) > 30
    assert is_subsequence(wanted, spoken)
    for kind, data in seen:
        if kind == "question":  # its options straight after it, with their numbers
            at = spoken.index(data["ask"])
            assert spoken[at + 1 : at + 1 + len(data["answers"])] == [
                f"{i}: {a}" for i, a in enumerate(data["answers"], 1)
            ]
    messages = [
        line
        for kind, data in seen
        if kind == "message"
        for line in expected_lines(kind, data, words)
    ]
    assert [s for s in spoken if s in set(messages)] == messages
    chosen = [i for i, (kind, _d) in enumerate(seen) if kind == "chosen"]
    assert chosen
    for i in chosen:  # the player's own line, then the feedback on it
        sent = expected_lines(*seen[i + 1], words)[0]
        feedback = next(d for k, d in seen[i:] if k == "feedback")["text"]
        assert spoken.index(feedback, spoken.index(sent)) > spoken.index(sent)
    # The words of the screens are in the player's language.
    assert words("What will you do?") in spoken
    if locale != "en":
        assert words("What will you do?") != "What will you do?"
        assert "What will you do?" not in spoken
    # Every part of every line has an id a recording can be made under.
    ids = {row.id for row in all_rows(content, locale)}
    for line in recording.lines:
        for part in line.parts:
            assert set(part.ids) & ids, part


def test_nothing_is_said_from_a_screen_the_player_has_left(content):
    class Timed(RecordingBackend):
        """Each line takes time to say; remembers how many events had come when it began."""

        def __init__(self, clock):
            super().__init__(seconds_per_char=0.04, clock=clock)
            self.began: list[int] = []

        def say(self, line, rate, volume):
            self.began.append(len(seen))
            return super().say(line, rate, volume)

    app = None
    recording = Timed(lambda: app.clock)
    app, narrator, driver, seen = narrated_game(content, "en", recording)
    driver.play(content.scenarios[2].id)
    kinds = [kind for kind, _data in seen]
    assert recording.cut  # the player moved on while lines were being said
    assert len(recording.spoken) > 20
    for line, began in zip(recording.lines, recording.began):
        # `line.event` counts the events; nothing between its event and its start left it.
        between = kinds[line.event : began]
        assert not LEAVING & set(between), (line.text, between)


def test_moving_on_cuts_the_line_and_drops_what_was_queued():
    clock = [0.0]
    recording = RecordingBackend(seconds_per_char=1.0, clock=lambda: clock[0])
    narrator = Narrator([recording], "en", threaded=False)
    narrator.on_show("question", dict(phase="pre", number=1, total=1, ask="Q?", answers=["a", "b"]))
    narrator.pump()
    assert recording.texts == ["Before the story: what do you think?"]
    clock[0] += 100
    narrator.pump()
    narrator.on_show("answer", dict(phase="pre", index=0, text="a", correct=True))
    narrator.pump()
    assert recording.texts == [
        "Before the story: what do you think?",
        "Q?",
        "Thanks! Let's play and find out.",
    ]
    assert recording.cut == ["Q?"]


def test_repeat_says_the_last_thing_again():
    clock = [0.0]
    recording = RecordingBackend(seconds_per_char=1.0, clock=lambda: clock[0])
    narrator = Narrator([recording], "en", threaded=False)

    def said_all():
        for _ in range(10):
            narrator.pump()
            clock[0] += 100

    narrator.on_show("message", dict(speaker="Jay", text="hi!", request="photo"))
    narrator.on_show("choices", dict(choices=[("Say no", "safe"), ("Send it", "risky")]))
    said_all()
    narrator.repeat()
    said_all()
    choices = ["What will you do?", "1: Say no", "2: Send it"]
    assert recording.texts == ["Jay: Photo request: hi!", *choices, *choices]
    # F2 in the middle of a line: it starts again, then what was still to say follows.
    narrator.on_show("message", dict(speaker="Jay", text="a"))
    narrator.on_show("message", dict(speaker="Jay", text="b"))
    narrator.pump()
    narrator.repeat()
    said_all()
    assert recording.texts[-3:] == ["Jay: a", "Jay: a", "Jay: b"]
    assert recording.cut == ["Jay: a"]
    narrator.on_show("focus", dict(label="Continue", number=None))
    said_all()
    narrator.repeat()
    said_all()
    assert recording.texts[-2:] == ["Continue", "Continue"]
    narrator.stop()
    narrator.on_show("message", dict(speaker="Jay", text="still there?"))
    narrator.repeat()
    said_all()
    assert recording.texts[-1] == "Continue"  # a stopped narrator says nothing more


def test_the_settings_screen_is_read_with_the_voice_in_use():
    recording = RecordingBackend()
    narrator = Narrator([recording], "en", threaded=False)
    rows = [("Read aloud", "On"), ("Reading speed", "Normal")]
    narrator.on_show("settings", dict(rows=rows, status="Voice: espeak-ng"))
    narrator.on_show("setting", dict(setting="speech_rate", value="Slow", status=""))
    narrator.pump()
    assert recording.texts == ["Slow"]  # the change, not the screen it replaced
    narrator.on_show("settings", dict(rows=rows, status="Voice: espeak-ng"))
    narrator.pump()
    assert recording.texts[1:] == ["Read aloud: On", "Reading speed: Normal", "Voice: espeak-ng"]


def test_speed_and_loudness_come_from_the_settings_at_each_line():
    class Loud(RecordingBackend):
        volumes: list[int] = []

        def say(self, line, rate, volume):
            self.volumes.append(volume)
            return super().say(line, rate, volume)

    recording = Loud()
    access = Access(narration=True, speech_rate="slow", voice_volume=40)
    narrator = Narrator([recording], "en", access=access, threaded=False)
    narrator.on_show("confirm", dict(question="Do you want to stop playing?"))
    narrator.pump()
    access.speech_rate, access.voice_volume = "fast", 90
    narrator.on_show("confirm", dict(question="Leave this story and go back to the menu?"))
    narrator.pump()
    assert [s.rate for s in recording.spoken] == ["slow", "fast"]
    assert recording.volumes == [40, 90]


def test_on_show_never_waits_for_the_voice():
    class Slow(RecordingBackend):
        def say(self, line, rate, volume):
            time.sleep(0.2)  # a voice that takes long to start
            return super().say(line, rate, volume)

    recording = Slow()
    narrator = Narrator([recording], "en")
    started = time.perf_counter()
    for i in range(50):
        narrator.on_show("message", dict(speaker="Jay", text=f"message {i}"))
    assert time.perf_counter() - started < 0.05  # 50 events in well under one frame
    deadline = time.monotonic() + 3
    while not recording.spoken and time.monotonic() < deadline:
        time.sleep(0.01)
    assert recording.spoken  # the worker speaks
    narrator.stop()
    assert narrator._thread is not None
    narrator._thread.join(timeout=2)
    assert not narrator.running


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has its own voices (SAPI)")
def test_the_voice_chosen_for_each_language(tmp_path, monkeypatch):
    # Even with espeak-ng and speech-dispatcher on the computer, Thai is never given to them.
    monkeypatch.setattr(backends_module.shutil, "which", lambda name: f"/bin/{name}")
    on = Access(narration=True)
    assert narrator_for("th", on, voice_dir=tmp_path, threaded=False) == (
        None,
        "No voice for Thai on this computer",
    )
    narrator, status = narrator_for("pt_BR", on, voice_dir=tmp_path, threaded=False)
    assert narrator is not None and status == "Voice: speech-dispatcher, espeak-ng"
    assert narrator_for("en", Access(), voice_dir=tmp_path) == (None, "Narration is off")
    # A screen reader on Linux speaks through speech-dispatcher; without it there is none.
    reader = Access(narration=True, speech_output="screen_reader")
    assert narrator_for("en", reader, threaded=False)[1] == "Voice: speech-dispatcher"
    monkeypatch.setattr(backends_module.shutil, "which", lambda name: None)
    assert narrator_for("en", reader) == (None, "No screen reader found on this computer")
    # Recorded Thai lines are played; the rest of the Thai game stays silent.
    (tmp_path / "th" / "ui").mkdir(parents=True)
    (tmp_path / "th" / "ui" / "play.ogg").write_bytes(b"")
    narrator, status = narrator_for("th", on, voice_dir=tmp_path, threaded=False)
    assert narrator is not None and status == "Voice: recorded voice"
    assert isinstance(narrator.backends[0], RecordedVoice) and narrator.backends[0].partial
    # The status line is in the game's language.
    with i18n.using("pt_BR"):
        assert narrator_for("en", Access())[1] == i18n._("Narration is off")


def test_espeak_ng_is_never_given_thai():
    espeak = Espeak()
    assert not espeak.can_say(Line((Part("สวัสดี"),), "th"))
    assert not espeak.can_say(Line((Part("1"), Part("ไทย")), "en"))
    assert espeak.can_say(Line((Part("Olá"),), "pt_BR"))
    assert espeak.command(Line((Part("Olá"),), "pt_BR"), "slow", 70)[:7] == [
        "espeak-ng",
        "-v",
        "pt-br",
        "-s",
        "130",
        "-a",
        "70",
    ]


def test_the_voice_script_lists_what_is_still_to_record(tmp_path, capsys):
    out = tmp_path / "th.csv"
    voices = tmp_path / "voice"
    assert (
        main(["voice", "script", "--locale", "th", "--out", str(out), "--voice-dir", str(voices)])
        == 0
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a spreadsheet on Windows shows the Thai
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["id", "speaker", "text", "story"]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) > 500
    assert len({r["text"] for r in rows}) == len(rows)  # one recording serves each text
    by_id = {r["id"]: r for r in rows}
    message = next(r for r in rows if "/messages/" in r["id"] and r["speaker"])
    assert message["story"] and "ui/number/1" in by_id and "ui/language/th" in by_id
    assert by_id[word_id("Great choice!")]["text"] == i18n.catalog("th").gettext("Great choice!")
    assert not [r for r in rows if "/summary" in r["id"] or "/discuss/" in r["id"]]

    recorded = [message["id"], "ui/number/1", word_id("Great choice!")]
    for id in recorded:
        (voices / "th" / f"{id}.ogg").parent.mkdir(parents=True, exist_ok=True)
        (voices / "th" / f"{id}.ogg").write_bytes(b"")
    capsys.readouterr()
    assert (
        main(["voice", "script", "--locale", "th", "--out", str(out), "--voice-dir", str(voices)])
        == 0
    )
    assert f"{len(rows) - 3} lines to record" in capsys.readouterr().out
    with open(out, encoding="utf-8-sig", newline="") as fh:
        left = [r["id"] for r in csv.DictReader(fh)]
    assert left == [id for id in ids if id not in recorded]


def test_the_voice_script_refuses_an_unknown_language_or_an_unwritable_file(tmp_path, capsys):
    assert main(["voice", "script", "--locale", "xx", "--out", str(tmp_path / "x.csv")]) == 1
    assert capsys.readouterr().err.startswith("error: no language 'xx'")
    assert main(["voice", "script", "--locale", "en", "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith(f"error: cannot write {tmp_path}")


def write_wav(path, seconds=0.2, rate=22050):
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack("<h", 1000) * int(seconds * rate))


def test_a_recorded_file_is_played_and_a_broken_one_is_skipped_with_one_warning(tmp_path, capsys):
    headless()
    # A file the mixer can play (its name says .ogg; the mixer reads what it holds).
    write_wav(tmp_path / "en" / f"{word_id('Great choice!')}.ogg")
    (tmp_path / "en" / f"{word_id('Let' + chr(39) + 's think about that.')}.ogg").write_bytes(
        b"OggS not really a voice file"
    )
    recorded = RecordedVoice(tmp_path, "en")
    recording = RecordingBackend()
    narrator = Narrator([recorded, recording], "en", threaded=False)
    narrator.on_show("feedback", dict(safety="safe", text="Well done.", way_back=""))
    narrator.pump()
    assert recorded.busy()  # the recorded heading plays; the rest waits for it
    recorded.cancel()
    narrator.pump()
    assert recording.texts == ["Well done."]
    for _ in range(2):
        narrator.on_show("feedback", dict(safety="risky", text="Hmm.", way_back=""))
        narrator.pump()
    # The broken file: one warning, and the line is said by the next voice instead.
    err = capsys.readouterr().err
    assert err.count("warning:") == 1 and "cannot be played" in err
    assert recording.texts[-2:] == ["Let's think about that.", "Hmm."]
    narrator.stop()


def test_a_voice_program_that_fails_or_no_sound_device_is_said_once_and_passed_over(
    tmp_path, capsys, monkeypatch
):
    class Crashing(ProgramVoice):
        name = program = "crashing-voice"
        LANGUAGES = {"en": "en"}

        def command(self, line, rate, volume):
            return [sys.executable, "-c", "import sys; sys.exit(3)"]

    crashing, recording = Crashing(), RecordingBackend()
    narrator = Narrator([crashing, recording], "en", threaded=False)
    for text in ("one", "two", "three"):
        narrator.on_show("message", dict(speaker="", text=text))
        deadline = time.monotonic() + 5
        narrator.pump()
        while narrator._speaking is not None and time.monotonic() < deadline:
            time.sleep(0.01)
            narrator.pump()
    assert crashing.broken and recording.texts == ["two", "three"]  # "one" went unsaid
    err = capsys.readouterr().err
    assert err.count("warning:") == 1 and "crashing-voice cannot speak (exit code 3)" in err

    import pygame

    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    write_wav(tmp_path / "en" / f"{word_id('Great choice!')}.ogg")
    recording = RecordingBackend()
    narrator = Narrator([RecordedVoice(tmp_path, "en"), recording], "en", threaded=False)
    for _ in range(2):
        narrator.on_show("feedback", dict(safety="safe", text="Yes.", way_back=""))
        narrator.pump()
    assert recording.texts == ["Great choice!", "Yes."] * 2
    err = capsys.readouterr().err
    assert err.count("warning:") == 1 and "no sound device" in err


@pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng); its voice is not tested",
)
def test_espeak_ng_speaks_portuguese_into_a_wav_file(tmp_path):
    espeak = Espeak(out=tmp_path)
    line = Line((Part("Mãe"), Part("Nunca compartilhe a sua senha.")), "pt_BR")
    assert espeak.say(line, "normal", 100)
    deadline = time.monotonic() + 10
    while espeak.busy() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not espeak.broken
    with wave.open(str(tmp_path / "0001.wav")) as made:
        seconds = made.getnframes() / made.getframerate()
        samples = made.readframes(made.getnframes())
    assert seconds > 0.8
    assert max(abs(v) for (v,) in struct.iter_unpack("<h", samples)) > 1000  # not silence
