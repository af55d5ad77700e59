"""A readable transcript of what the scenes showed: speaker: line, choices, chosen, feedback."""

from __future__ import annotations


class Transcript:
    def __init__(self):
        self.lines: list[str] = []

    def add(self, kind: str, data: dict) -> None:
        handler = getattr(self, f"_{kind}", None)
        if handler is not None:
            handler(**data)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def _scenario(self, id, title):
        self.lines.append(f"=== {title} ({id})")

    def _question(self, phase, number, total, ask, answers):
        self.lines.append(f"[{phase} question {number}/{total}] {ask}")
        self.lines.extend(f"  {i}) {a}" for i, a in enumerate(answers, start=1))

    def _answer(self, phase, index, text, correct):
        mark = "" if phase == "pre" else (" (right)" if correct else " (not quite)")
        self.lines.append(f"  > {index + 1}) {text}{mark}")

    def _efficacy(self, phase, ask, options):
        self.lines.append(f"[{phase} how sure] {ask}")
        self.lines.extend(f"  {i}) {o}" for i, o in enumerate(options, start=1))

    def _efficacy_answer(self, value, text, index):
        self.lines.append(f"  > {index + 1}) {text}")

    def _scene(self, scene, app, viewers=None, call=False):
        if scene == "live":  # a livestream: how many watch, when the story says
            parts = [app] if app else []
            if viewers is not None:
                parts.append(f"{viewers} viewer{'' if viewers == 1 else 's'}")
            self.lines.append(f"[live{': ' + ', '.join(parts) if parts else ''}]")
            return
        name = ("voice call" if call else "voice chat") if scene == "voice" else scene
        self.lines.append(f"[{name}{': ' + app if app else ''}]")

    def _profile(self, name, bio, details):
        self.lines.append(f"(profile of {name}) {bio}".rstrip())
        self.lines.extend(f"  · {d}" for d in details)

    def _message(self, speaker, text, request="", image="", gift=""):
        if image:  # a card that hides the picture: the transcript says so, as the screen does
            text = f"[{image} photo, hidden] {text}"
        if request:
            text = f"[{request} request] {text}"
        line = f"{speaker}: {text}" if speaker else f"({text})"
        self.lines.append(f"(gift: {gift}) {line}" if gift else line)

    def _choices(self, choices):
        self.lines.append("  choices:")
        self.lines.extend(f"    {i}) {t} [{s}]" for i, (t, s) in enumerate(choices, start=1))

    def _chosen(self, text, safety):
        self.lines.append(f"  > {text}")

    def _feedback(self, safety, text, way_back):
        self.lines.append(f"  feedback ({safety}): {text}")
        if way_back:
            self.lines.append(f"  {way_back}")

    def _ending(self, title, text, takeaway, adult, services):
        self.lines.append(f"[ending] {title}")
        self.lines.append(f"  {text}")
        self.lines.append(f"  takeaway: {takeaway}")
        self.lines.append(f"  tell a trusted adult: {adult}")
        for country, entries in services:
            self.lines.append(f"  help ({country}): " + "; ".join(entries))

    def _results(self, pre, post, safe, decisions):
        self.lines.append(
            f"[results] before {pre[0]}/{pre[1]}, after {post[0]}/{post[1]}, "
            f"safe choices {safe}/{decisions}"
        )
