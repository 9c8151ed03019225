"""Place the boxes of a five-whys tree as a tidy tree, left to right or top down.

Pure geometry: the caller measures each node's text and passes the box sizes; this module
returns where every box goes and the elbow connectors between them. Subtrees never overlap
and connectors never cross, because siblings keep their order and each subtree is packed
against its neighbours by comparing their contours depth by depth.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Orientation(StrEnum):
    """Which way the answers grow from the problem statement."""

    LEFT_TO_RIGHT = "left_to_right"
    TOP_DOWN = "top_down"


@dataclass(frozen=True)
class LayoutNode:
    """One node to place: its id, its parent's id (None for a root) and its box size."""

    node_id: int
    parent_id: int | None
    width: float
    height: float


@dataclass(frozen=True)
class NodeBox:
    """Where one node's box goes."""

    node_id: int
    x: float
    y: float
    width: float
    height: float
    depth: int

    @property
    def right(self) -> float:
        """Return the x of the right edge."""
        return self.x + self.width

    @property
    def bottom(self) -> float:
        """Return the y of the bottom edge."""
        return self.y + self.height

    def contains(self, x: float, y: float) -> bool:
        """Tell whether the point lies inside the box."""
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def overlaps(self, other: NodeBox) -> bool:
        """Tell whether two boxes share any area."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


Point = tuple[float, float]


@dataclass(frozen=True)
class Connector:
    """An elbow line from a parent's box to one of its children's."""

    parent_id: int
    child_id: int
    points: tuple[Point, ...]


@dataclass(frozen=True)
class LayoutSpacing:
    """The gaps of a layout, in the same unit as the box sizes."""

    level_gap: float = 48.0
    sibling_gap: float = 16.0
    root_gap: float = 32.0
    margin: float = 16.0


@dataclass(frozen=True)
class TreeLayout:
    """Every box, every connector, and the size of the whole drawing."""

    orientation: Orientation
    boxes: dict[int, NodeBox] = field(default_factory=dict)
    connectors: tuple[Connector, ...] = ()
    width: float = 0.0
    height: float = 0.0
    parent_of: dict[int, int | None] = field(default_factory=dict)
    children_of: dict[int | None, tuple[int, ...]] = field(default_factory=dict)

    def node_at(self, x: float, y: float) -> int | None:
        """Return the id of the node whose box holds the point, if any."""
        return next((box.node_id for box in self.boxes.values() if box.contains(x, y)), None)


@dataclass
class _Shape:
    """A laid-out subtree: offsets along the breadth axis and its contour per depth."""

    offsets: dict[int, float]
    contour: list[tuple[float, float]]


def _children_map(nodes: Sequence[LayoutNode]) -> dict[int | None, list[LayoutNode]]:
    known = {node.node_id for node in nodes}
    children: dict[int | None, list[LayoutNode]] = {}
    for node in nodes:
        parent = node.parent_id if node.parent_id in known else None
        if parent == node.node_id:
            parent = None
        children.setdefault(parent, []).append(node)
    return children


def _reachable_roots(
    nodes: Sequence[LayoutNode], children: dict[int | None, list[LayoutNode]]
) -> list[LayoutNode]:
    """Return the roots, plus one node of every cycle so that no node is lost."""
    roots = list(children.get(None, []))
    seen: set[int] = set()
    stack = [root.node_id for root in roots]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(child.node_id for child in children.get(current, []))
    for node in nodes:
        if node.node_id not in seen:
            roots.append(node)
            stack = [node.node_id]
            while stack:
                current = stack.pop()
                if current in seen:
                    continue
                seen.add(current)
                stack.extend(child.node_id for child in children.get(current, []))
    return roots


def _separation(left: list[tuple[float, float]], right: list[tuple[float, float]]) -> float:
    """Return how far ``right`` must shift so it clears ``left`` at every shared depth."""
    shift = float("-inf")
    for (_, left_hi), (right_lo, _) in zip(left, right, strict=False):
        shift = max(shift, left_hi - right_lo)
    return shift


def _merge(
    into: list[tuple[float, float]], other: list[tuple[float, float]], offset: float
) -> None:
    for depth, (lo, hi) in enumerate(other):
        if depth < len(into):
            old_lo, old_hi = into[depth]
            into[depth] = (min(old_lo, lo + offset), max(old_hi, hi + offset))
        else:
            into.append((lo + offset, hi + offset))


def _pack(
    shapes: list[_Shape], gap: float
) -> tuple[dict[int, float], list[tuple[float, float]], list[float]]:
    """Put subtrees side by side in order; return offsets, merged contour and each start."""
    offsets: dict[int, float] = {}
    contour: list[tuple[float, float]] = []
    starts: list[float] = []
    for shape in shapes:
        start = _separation(contour, shape.contour) + gap if contour else 0.0
        starts.append(start)
        for node_id, offset in shape.offsets.items():
            offsets[node_id] = offset + start
        _merge(contour, shape.contour, start)
    return offsets, contour, starts


def _shape(
    node: LayoutNode,
    children: dict[int | None, list[LayoutNode]],
    breadth: dict[int, float],
    spacing: LayoutSpacing,
    visiting: set[int],
) -> _Shape:
    """Lay out one subtree with its root's box starting at breadth offset 0."""
    visiting.add(node.node_id)
    kids = [k for k in children.get(node.node_id, []) if k.node_id not in visiting]
    size = breadth[node.node_id]
    if not kids:
        return _Shape({node.node_id: 0.0}, [(0.0, size)])
    shapes = [_shape(kid, children, breadth, spacing, visiting) for kid in kids]
    offsets, contour, starts = _pack(shapes, spacing.sibling_gap)
    first_mid = starts[0] + breadth[kids[0].node_id] / 2
    last_mid = starts[-1] + breadth[kids[-1].node_id] / 2
    own = (first_mid + last_mid) / 2 - size / 2
    # Everything is shifted so the root's box starts at 0.
    shifted = {node_id: offset - own for node_id, offset in offsets.items()}
    shifted[node.node_id] = 0.0
    merged = [(0.0, size)] + [(lo - own, hi - own) for lo, hi in contour]
    return _Shape(shifted, merged)


def layout_tree(
    nodes: Sequence[LayoutNode],
    orientation: Orientation = Orientation.LEFT_TO_RIGHT,
    spacing: LayoutSpacing | None = None,
    *,
    equal_depth_size: bool = True,
) -> TreeLayout:
    """Place ``nodes`` (siblings in the order given) as a tidy forest.

    Args:
        nodes: every node with its measured box size; a node whose parent is not in the list
            becomes a root.
        orientation: left to right (depth grows along x) or top down (depth grows along y).
        spacing: gaps between depths, siblings and separate trees, and the outer margin.
        equal_depth_size: give every box of one depth the same depth-axis size (all boxes of a
            column equally wide, or of a row equally tall), which reads as a tidy grid.
    """
    gaps = spacing or LayoutSpacing()
    if not nodes:
        return TreeLayout(orientation, width=2 * gaps.margin, height=2 * gaps.margin)
    across = orientation == Orientation.LEFT_TO_RIGHT
    breadth = {n.node_id: (n.height if across else n.width) for n in nodes}
    length = {n.node_id: (n.width if across else n.height) for n in nodes}
    children = _children_map(nodes)
    roots = _reachable_roots(nodes, children)

    visiting: set[int] = set()
    shapes = [_shape(root, children, breadth, gaps, visiting) for root in roots]
    offsets, contour, _ = _pack(shapes, gaps.root_gap)
    low = min(lo for lo, _ in contour)

    depth_of: dict[int, int] = {}
    parent_of: dict[int, int | None] = {}
    children_of: dict[int | None, tuple[int, ...]] = {None: tuple(r.node_id for r in roots)}
    stack: list[tuple[LayoutNode, int, int | None]] = [(r, 0, None) for r in roots]
    while stack:
        current, depth, parent = stack.pop()
        if current.node_id in depth_of:
            continue
        depth_of[current.node_id] = depth
        parent_of[current.node_id] = parent
        kids = [k for k in children.get(current.node_id, []) if k.node_id not in depth_of]
        children_of[current.node_id] = tuple(k.node_id for k in kids)
        stack.extend((k, depth + 1, current.node_id) for k in kids)

    levels = max(depth_of.values()) + 1
    level_size = [0.0] * levels
    for node_id, depth in depth_of.items():
        level_size[depth] = max(level_size[depth], length[node_id])
    level_start = [gaps.margin] * levels
    for depth in range(1, levels):
        level_start[depth] = level_start[depth - 1] + level_size[depth - 1] + gaps.level_gap

    boxes: dict[int, NodeBox] = {}
    for node_id, depth in depth_of.items():
        along = level_start[depth]
        side = offsets[node_id] - low + gaps.margin
        size_along = level_size[depth] if equal_depth_size else length[node_id]
        size_side = breadth[node_id]
        if across:
            boxes[node_id] = NodeBox(node_id, along, side, size_along, size_side, depth)
        else:
            boxes[node_id] = NodeBox(node_id, side, along, size_side, size_along, depth)

    connectors: list[Connector] = []
    for parent_id, child_ids in children_of.items():
        if parent_id is None:
            continue
        parent_box = boxes[parent_id]
        depth = depth_of[parent_id]
        elbow = level_start[depth] + level_size[depth] + gaps.level_gap / 2
        for child_id in child_ids:
            child_box = boxes[child_id]
            if across:
                start = (parent_box.right, parent_box.y + parent_box.height / 2)
                end = (child_box.x, child_box.y + child_box.height / 2)
                points = (start, (elbow, start[1]), (elbow, end[1]), end)
            else:
                start = (parent_box.x + parent_box.width / 2, parent_box.bottom)
                end = (child_box.x + child_box.width / 2, child_box.y)
                points = (start, (start[0], elbow), (end[0], elbow), end)
            connectors.append(Connector(parent_id, child_id, points))

    extent_side = max(hi for _, hi in contour) - low + 2 * gaps.margin
    extent_along = level_start[-1] + level_size[-1] + gaps.margin
    width, height = (extent_along, extent_side) if across else (extent_side, extent_along)
    return TreeLayout(
        orientation,
        boxes=boxes,
        connectors=tuple(connectors),
        width=width,
        height=height,
        parent_of=parent_of,
        children_of=children_of,
    )
