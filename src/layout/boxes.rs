//! Text outside its box: a box or block drawn with a fill or a frame (a PDCA
//! stage, a note's frame, a heading's band) must hold its text. Typst draws such
//! a box as shapes at the start of the box's own frame, covering it; text of
//! that frame (and of frames inside it) that reaches past the frame's edges runs
//! over the drawn line or out of the fill.

use typst::introspection::{Location, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::pdf::ArtifactElem;

use super::{Run, SLACK, run};

/// A drawn box on the page: its frame's corners in page coordinates.
#[derive(Clone, Copy)]
struct Drawn {
    x0: Abs,
    y0: Abs,
    x1: Abs,
    y1: Abs,
}

/// The body text runs that reach outside the drawn box they stand in.
pub(super) fn outside_their_box(frame: &Frame) -> Vec<Run> {
    let mut out = Vec::new();
    walk(
        frame,
        Transform::identity(),
        &mut Vec::new(),
        &mut Vec::new(),
        &mut out,
    );
    out
}

fn walk(
    frame: &Frame,
    ts: Transform,
    boxes: &mut Vec<Drawn>,
    artifacts: &mut Vec<Option<Location>>,
    out: &mut Vec<Run>,
) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(g) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                let drawn = is_drawn(&g.frame).then(|| {
                    let (w, h) = (g.frame.width(), g.frame.height());
                    let corners = [
                        Point::zero(),
                        Point::new(w, Abs::zero()),
                        Point::new(Abs::zero(), h),
                        Point::new(w, h),
                    ]
                    .map(|p| p.transform(ts));
                    let fold = |f: fn(Abs, Abs) -> Abs, init, get: fn(&Point) -> Abs| {
                        corners.iter().map(get).fold(init, f)
                    };
                    Drawn {
                        x0: fold(Abs::min, Abs::inf(), |p| p.x),
                        y0: fold(Abs::min, Abs::inf(), |p| p.y),
                        x1: fold(Abs::max, -Abs::inf(), |p| p.x),
                        y1: fold(Abs::max, -Abs::inf(), |p| p.y),
                    }
                });
                boxes.extend(drawn);
                walk(&g.frame, ts, boxes, artifacts, out);
                if drawn.is_some() {
                    boxes.pop();
                }
            }
            FrameItem::Tag(Tag::Start(content, _)) if content.is::<ArtifactElem>() => {
                artifacts.push(content.location());
            }
            FrameItem::Tag(Tag::End(loc, ..)) => {
                if let Some(i) = artifacts.iter().rposition(|a| *a == Some(*loc)) {
                    artifacts.remove(i);
                }
            }
            FrameItem::Text(t) if artifacts.is_empty() => {
                let (Some(b), Some(r)) = (boxes.last(), run(t, *pos, ts)) else {
                    continue;
                };
                let slack = Abs::pt(SLACK);
                if r.x0 < b.x0 - slack - r.hang_left
                    || r.x1 > b.x1 + slack + r.hang_right
                    || r.cap < b.y0 - slack
                    || r.baseline > b.y1 + slack
                {
                    out.push(r);
                }
            }
            _ => {}
        }
    }
}

/// Whether a frame is a drawn box: it begins with shapes (its fill and frame
/// lines, as Typst prepends them) that together cover the whole frame.
fn is_drawn(frame: &Frame) -> bool {
    let (mut x0, mut y0, mut x1, mut y1) = (Abs::inf(), Abs::inf(), -Abs::inf(), -Abs::inf());
    let mut any = false;
    for (pos, item) in frame.items() {
        let FrameItem::Shape(shape, _) = item else {
            break;
        };
        let b = shape.bbox(false);
        x0 = x0.min(pos.x + b.min.x);
        y0 = y0.min(pos.y + b.min.y);
        x1 = x1.max(pos.x + b.max.x);
        y1 = y1.max(pos.y + b.max.y);
        any = true;
    }
    let tol = Abs::pt(0.5);
    any && frame.width() > Abs::zero()
        && frame.height() > Abs::zero()
        && x0 <= tol
        && y0 <= tol
        && x1 >= frame.width() - tol
        && y1 >= frame.height() - tol
}
