"""What every scene shares: a backdrop, a group of buttons, the Help button, Esc."""

from __future__ import annotations

import pygame

from game import art, theme
from game.i18n import _
from game.ui import ButtonGroup, hover_color, outline, still


def help_rect(app) -> pygame.Rect:
    """The Help button, top right, as wide as its label needs in the current language."""
    width = max(132, app.text.measure(_("Help"), theme.TEXT_SMALL + 2, bold=True) + 76)
    return pygame.Rect(theme.WIDTH - 18 - width, 14, width, 52)


def gaps(area: pygame.Rect, holes) -> list[pygame.Rect]:
    """The parts of `area` not covered by any of the `holes`, as rectangles."""
    parts = [pygame.Rect(area)]
    for hole in holes:
        rest = []
        for part in parts:
            if not part.colliderect(hole):
                rest.append(part)
                continue
            cut = part.clip(hole)
            rest.extend(
                r
                for r in (
                    pygame.Rect(part.x, part.y, part.w, cut.y - part.y),
                    pygame.Rect(part.x, cut.bottom, part.w, part.bottom - cut.bottom),
                    pygame.Rect(part.x, cut.y, cut.x - part.x, cut.h),
                    pygame.Rect(cut.right, cut.y, part.right - cut.right, cut.h),
                )
                if r.w > 0 and r.h > 0
            )
        parts = rest
    return parts


# A numbered button's label starts 66 pixels in and ends 22 before the edge (game/ui.py):
# a button is this much wider than the box its label wraps in.
NUMBERED = 66 + 22


def portrait(character, size: int, default: str = "unknown") -> pygame.Surface:
    """A character's face: their picture file when the content names one (a placeholder and
    one warning if it is missing), otherwise the built-in look."""
    if character is not None and character.image:
        return art.image(character.image, (size, size))
    return art.avatar(character.look if character and character.look else default, size)


class Scene:
    opaque = True
    colors: tuple = ("SKY_DEEP", "GRAPE")  # the backdrop's gradient: palette names or colours
    shapes = "bubbles"
    show_help = True

    def __init__(self, app):
        self.app = app
        self.t = 0.0
        self.buttons = ButtonGroup(app, on_press=self.pressed)
        self._help_hover = False

    # lifecycle -------------------------------------------------------------------------
    def enter(self) -> None:
        pass

    def exit(self) -> None:
        pass

    # input -----------------------------------------------------------------------------
    def handle_event(self, event) -> None:
        if self.show_help and event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP):
            over = help_rect(self.app).collidepoint(event.pos)
            if event.type == pygame.MOUSEMOTION:
                self._help_hover = over
            elif over and event.button == 1:
                self.app.sounds.play("click")
                self.app.open_help()
                return
        if self.buttons.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.escape()
        elif self.is_skip(event):
            self.skip()

    @staticmethod
    def is_skip(event) -> bool:
        return (event.type == pygame.MOUSEBUTTONUP and event.button == 1) or (
            event.type == pygame.KEYDOWN
            and event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
        )

    def escape(self) -> None:
        self.app.ask_quit()

    def skip(self) -> None:
        """Space, Enter or a click that no button took: hurry up any animation."""

    def pressed(self, button) -> None:
        pass

    # time and drawing -----------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.t += dt
        self.buttons.update(dt)
        if self.opaque:
            self.backdrop().update(dt)

    def draw(self, surface) -> None:
        if self.opaque:
            self.draw_backdrop(surface)
        self.draw_content(surface)
        self.buttons.draw(surface)
        if self.show_help:
            self.draw_help_button(surface)

    def draw_content(self, surface) -> None:
        pass

    # A scene with big panels that never change paints them once, with the gradient, into
    # one opaque layer; each frame copies the layer and draws the moving shapes only in
    # the gaps between the panels. That saves drawing most of the screen twice.
    def static_panels(self) -> list:
        """Rectangles that paint_static covers completely (none by default)."""
        return []

    def paint_static(self, layer) -> None:
        """Paint what never changes onto the layer, over the gradient."""

    def backdrop(self):
        """The scene's backdrop in the current look: its gradient with drifting shapes; still
        with less movement; plain and calm in the contrast look."""
        if theme.LOOK == "contrast":
            return self.app.backdrop(theme.PLAIN, theme.PLAIN, "none")
        top, bottom = (theme.current(c) for c in self.colors)
        return self.app.backdrop(top, bottom, "none" if still(self.app) else self.shapes)

    def draw_backdrop(self, surface) -> None:
        backdrop = self.backdrop()
        panels = self.static_panels()
        if not panels:
            backdrop.draw(surface)
            return
        if getattr(self, "_layer", None) is None:
            layer = pygame.Surface(surface.get_size())
            if pygame.display.get_surface() is not None:
                layer = layer.convert()
            backdrop.draw_gradient(layer)
            self.paint_static(layer)
            self._layer = layer
            self._gaps = gaps(layer.get_rect(), panels)
        surface.blit(self._layer, (0, 0))
        backdrop.draw_shapes(surface, self._gaps)

    def draw_help_button(self, surface) -> None:
        color = theme.CORAL if not self._help_hover else hover_color(theme.CORAL)
        rect = help_rect(self.app)
        art.rounded_rect(surface, rect, color, 26, shadow=True)
        outline(surface, rect, color, theme.edge(theme.CORAL), 26)
        ink = theme.on(color)
        surface.blit(art.icon("help", 34, ink), (rect.x + 12, rect.y + 9))
        label = self.app.text.render(_("Help"), theme.TEXT_SMALL + 2, ink, bold=True)
        surface.blit(label, label.get_rect(midleft=(rect.x + 54, rect.centery)))

    # autoplay --------------------------------------------------------------------------
    def auto_options(self):
        """The buttons a player could press now, or None while the scene is still busy."""
        if not self.buttons.buttons or not self.buttons.ready():
            return None
        return list(self.buttons.buttons)

    # helpers ---------------------------------------------------------------------------
    @staticmethod
    def shade(surface, alpha: int) -> None:
        """Dim everything drawn so far, under an overlay card."""
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((*theme.SHADOW, alpha))
        surface.blit(veil, (0, 0))

    def blit_text(
        self,
        surface,
        text,
        size,
        color,
        pos,
        *,
        anchor="topleft",
        bold=False,
        width=None,
        align="left",
    ):
        image = self.app.text.render(text, size, color, bold=bold, width=width, align=align)
        rect = image.get_rect(**{anchor: pos})
        surface.blit(image, rect)
        return rect
