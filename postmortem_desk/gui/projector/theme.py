"""The projector's palettes and type sizes: large, high-contrast, scaled to the screen."""

from __future__ import annotations

from dataclasses import dataclass, fields

REFERENCE_HEIGHT = 1080
BODY_PX_AT_1080 = 30
HEADING_PX_AT_1080 = 52
TIMER_PX_AT_1080 = 64
MIN_BODY_PX = 16


@dataclass(frozen=True)
class ProjectorPalette:
    """Every colour the projector paints text or shapes with; text colours meet WCAG AAA."""

    name: str
    background: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    highlight: str
    highlight_text: str
    warning: str
    danger: str
    success: str
    line: str

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """Return (name, foreground, background) for every text colour the projector uses."""
        pairs = []
        for field in fields(self):
            if field.name in {"text", "muted", "accent", "warning", "danger", "success"}:
                colour = getattr(self, field.name)
                pairs.append((f"{field.name} on background", colour, self.background))
                pairs.append((f"{field.name} on surface", colour, self.surface))
        pairs.append(("highlight text", self.highlight_text, self.highlight))
        pairs.append(("accent text", self.accent_text, self.accent))
        return pairs


DARK = ProjectorPalette(
    name="dark",
    background="#0B0F1A",
    surface="#161C2B",
    text="#FFFFFF",
    muted="#C5CDDC",
    accent="#9DB9FF",
    accent_text="#0B0F1A",
    highlight="#FFE08A",
    highlight_text="#0B0F1A",
    warning="#FFD166",
    danger="#FF9E94",
    success="#86E3AE",
    line="#59627A",
)
LIGHT = ProjectorPalette(
    name="light",
    background="#FFFFFF",
    surface="#F1F3F8",
    text="#0B0F1A",
    muted="#343B4D",
    accent="#1D3A8F",
    accent_text="#FFFFFF",
    highlight="#1D3A8F",
    highlight_text="#FFFFFF",
    warning="#6B4200",
    danger="#8A1C12",
    success="#0D5232",
    line="#7A8296",
)
PALETTES = {palette.name: palette for palette in (DARK, LIGHT)}


@dataclass(frozen=True)
class ProjectorType:
    """Pixel sizes of the projector's text for one screen height."""

    body: int
    heading: int
    timer: int
    small: int

    @classmethod
    def for_height(cls, height: int) -> ProjectorType:
        """Scale the sizes chosen for 1080 lines to ``height``."""
        scale = max(height, 1) / REFERENCE_HEIGHT
        body = max(MIN_BODY_PX, round(BODY_PX_AT_1080 * scale))
        return cls(
            body=body,
            heading=max(body + 8, round(HEADING_PX_AT_1080 * scale)),
            timer=max(body + 12, round(TIMER_PX_AT_1080 * scale)),
            small=max(MIN_BODY_PX, round(BODY_PX_AT_1080 * 0.93 * scale)),
        )
