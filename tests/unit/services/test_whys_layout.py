"""The whys tree layout: tidy, ordered, no overlaps, no crossing connectors, in both directions."""

from __future__ import annotations

import itertools

import pytest

from postmortem_desk.services.whys_layout import (
    LayoutNode,
    LayoutSpacing,
    Orientation,
    TreeLayout,
    layout_tree,
)

SPACING = LayoutSpacing(level_gap=40, sibling_gap=10, root_gap=30, margin=5)


def demo_tree() -> list[LayoutNode]:
    """The demo's shape: a problem, two branches, leaves of different heights."""
    return [
        LayoutNode(1, None, 200, 60),
        LayoutNode(2, 1, 180, 40),
        LayoutNode(3, 2, 220, 80),
        LayoutNode(4, 3, 150, 40),
        LayoutNode(5, 3, 160, 100),
        LayoutNode(6, 1, 170, 40),
        LayoutNode(7, 6, 210, 60),
        LayoutNode(8, 6, 190, 40),
    ]


def segments(layout: TreeLayout) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    found = []
    for connector in layout.connectors:
        found.extend(itertools.pairwise(connector.points))
    return found


def proper_crossing(
    a: tuple[tuple[float, float], tuple[float, float]],
    b: tuple[tuple[float, float], tuple[float, float]],
) -> bool:
    """Tell whether a horizontal and a vertical segment cross strictly inside both."""
    for h, v in ((a, b), (b, a)):
        (hx1, hy1), (hx2, hy2) = h
        (vx1, vy1), (vx2, vy2) = v
        if hy1 == hy2 and vx1 == vx2 and hx1 != hx2 and vy1 != vy2:
            inside_h = min(hx1, hx2) < vx1 < max(hx1, hx2)
            inside_v = min(vy1, vy2) < hy1 < max(vy1, vy2)
            if inside_h and inside_v:
                return True
    return False


@pytest.mark.parametrize("orientation", list(Orientation))
def test_no_two_boxes_overlap(orientation: Orientation) -> None:
    layout = layout_tree(demo_tree(), orientation, SPACING)
    assert len(layout.boxes) == 8
    for a, b in itertools.combinations(layout.boxes.values(), 2):
        assert not a.overlaps(b), (a, b)


@pytest.mark.parametrize("orientation", list(Orientation))
def test_connectors_never_cross_and_join_the_right_edges(orientation: Orientation) -> None:
    layout = layout_tree(demo_tree(), orientation, SPACING)
    assert {(c.parent_id, c.child_id) for c in layout.connectors} == {
        (1, 2), (2, 3), (3, 4), (3, 5), (1, 6), (6, 7), (6, 8)
    }  # fmt: skip
    for a, b in itertools.combinations(segments(layout), 2):
        assert not proper_crossing(a, b), (a, b)
    for connector in layout.connectors:
        parent = layout.boxes[connector.parent_id]
        child = layout.boxes[connector.child_id]
        start, end = connector.points[0], connector.points[-1]
        if orientation == Orientation.LEFT_TO_RIGHT:
            assert start == (parent.right, parent.y + parent.height / 2)
            assert end == (child.x, child.y + child.height / 2)
        else:
            assert start == (parent.x + parent.width / 2, parent.bottom)
            assert end == (child.x + child.width / 2, child.y)


def test_left_to_right_puts_each_depth_in_its_own_column() -> None:
    layout = layout_tree(demo_tree(), Orientation.LEFT_TO_RIGHT, SPACING)
    boxes = layout.boxes
    assert boxes[1].x == 5
    assert boxes[2].x == boxes[6].x == 5 + 200 + 40
    assert boxes[3].x == boxes[7].x == boxes[8].x == 245 + 180 + 40
    # Equal column widths: the widest box of a column sets it.
    assert boxes[2].width == boxes[6].width == 180
    assert boxes[7].width == boxes[8].width == boxes[3].width == 220


def test_siblings_keep_their_order_and_a_parent_sits_between_its_children() -> None:
    layout = layout_tree(demo_tree(), Orientation.LEFT_TO_RIGHT, SPACING)
    boxes = layout.boxes
    assert boxes[4].bottom + 10 <= boxes[5].y
    assert boxes[2].bottom <= boxes[6].y
    mid = boxes[3].y + boxes[3].height / 2
    assert mid == pytest.approx(
        ((boxes[4].y + boxes[4].height / 2) + (boxes[5].y + boxes[5].height / 2)) / 2
    )


def test_the_drawing_holds_every_box_inside_its_margins() -> None:
    for orientation in Orientation:
        layout = layout_tree(demo_tree(), orientation, SPACING)
        assert min(b.x for b in layout.boxes.values()) == 5
        assert min(b.y for b in layout.boxes.values()) == 5
        assert max(b.right for b in layout.boxes.values()) == pytest.approx(layout.width - 5)
        assert max(b.bottom for b in layout.boxes.values()) == pytest.approx(layout.height - 5)


def test_top_down_puts_depths_in_rows_and_is_compact() -> None:
    layout = layout_tree(demo_tree(), Orientation.TOP_DOWN, SPACING)
    boxes = layout.boxes
    assert boxes[1].y == 5
    assert boxes[2].y == boxes[6].y == 5 + 60 + 40
    assert boxes[2].height == boxes[6].height == 40
    # Neighbouring subtrees touch at their closest depth (3 and 7 are one gap apart), and the
    # answers of 3 tuck under it, so the drawing is narrower than all leaves side by side.
    assert boxes[7].x == pytest.approx(boxes[3].right + 10)
    leaves = [boxes[i] for i in (4, 5, 7, 8)]
    assert layout.width < sum(b.width for b in leaves) + 3 * 10 + 10


def test_subtrees_pack_against_each_others_contour() -> None:
    # Root 1 has a deep narrow branch and a shallow one; the shallow one's box may tuck in
    # beside the deep branch as long as nothing at the same depth overlaps.
    nodes = [
        LayoutNode(1, None, 100, 20),
        LayoutNode(2, 1, 100, 20),
        LayoutNode(3, 2, 100, 200),
        LayoutNode(4, 1, 100, 20),
    ]
    layout = layout_tree(nodes, Orientation.LEFT_TO_RIGHT, SPACING)
    assert layout.boxes[4].y == layout.boxes[2].bottom + 10
    assert layout.height < 20 + 200 + 20 + 10


def test_several_roots_are_separate_trees_with_a_wider_gap() -> None:
    nodes = [
        LayoutNode(1, None, 100, 30),
        LayoutNode(2, 1, 100, 30),
        LayoutNode(3, None, 100, 30),
        LayoutNode(4, 3, 100, 30),
    ]
    layout = layout_tree(nodes, Orientation.LEFT_TO_RIGHT, SPACING)
    assert layout.children_of[None] == (1, 3)
    assert layout.boxes[3].y == layout.boxes[1].bottom + 30
    assert layout.parent_of == {1: None, 2: 1, 3: None, 4: 3}


def test_orphans_and_cycles_are_drawn_as_roots_rather_than_lost() -> None:
    nodes = [
        LayoutNode(1, 99, 50, 20),
        LayoutNode(2, 3, 50, 20),
        LayoutNode(3, 2, 50, 20),
    ]
    layout = layout_tree(nodes, Orientation.TOP_DOWN, SPACING)
    assert set(layout.boxes) == {1, 2, 3}


def test_hit_testing_finds_the_box_under_a_point() -> None:
    layout = layout_tree(demo_tree(), Orientation.LEFT_TO_RIGHT, SPACING)
    box = layout.boxes[5]
    assert layout.node_at(box.x + 1, box.y + 1) == 5
    assert layout.node_at(0, 0) is None


def test_an_empty_tree_is_just_its_margins() -> None:
    layout = layout_tree([], Orientation.LEFT_TO_RIGHT, SPACING)
    assert (layout.width, layout.height) == (10, 10)
    assert layout.boxes == {}


def test_unequal_depth_sizes_keep_each_box_its_own_length() -> None:
    layout = layout_tree(demo_tree(), Orientation.LEFT_TO_RIGHT, SPACING, equal_depth_size=False)
    assert layout.boxes[7].width == 210
    assert layout.boxes[8].width == 190
