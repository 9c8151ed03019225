"""Guard against a Qt binding that drops references to None on painting calls.

PySide6 6.12.0 returns None from void QPainter methods without taking a reference; on Python
3.11 (where None is not immortal) the interpreter aborts after a few hundred thousand calls.
pyproject pins below 6.12 for that reason; this test fails if a binding with the bug slips in.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter


def test_painting_calls_keep_none_alive() -> None:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.drawLine(QPointF(0, 0), QPointF(10, 10))
        painter.drawEllipse(QPointF(5, 5), 2, 2)
        painter.drawRoundedRect(QRectF(0, 0, 10, 10), 2, 2)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 50, f"None lost {before - after} references in 1,500 painting calls"
