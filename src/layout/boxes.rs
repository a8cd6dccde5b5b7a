//! Text outside its box: a box or block drawn with a fill or a frame (a PDCA
//! stage, a note's frame, a heading's band) must hold its text. Typst draws such
//! a box as shapes at the start of the box's own frame, covering it; text of
//! that frame (and of frames inside it) that reaches past the frame's edges, or
//! out of a filled shape (a rounded stage's corners) or onto its outline, runs
//! over the drawn line or out of the fill.

use typst::introspection::{Location, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::pdf::ArtifactElem;
use typst::visualize::{Geometry, Shape};

use super::{Run, SLACK, run};

/// A drawn box on the page: its frame's corners in page coordinates, and its
/// filled shapes in its own coordinates (with the way back from the page's).
#[derive(Clone)]
struct Drawn {
    x0: Abs,
    y0: Abs,
    x1: Abs,
    y1: Abs,
    fills: Vec<(Point, Shape)>,
    back: Option<Transform>,
}

/// How far text keeps from a filled shape's outline (half a stroke and more).
const CLEAR: f64 = 1.5;

impl Drawn {
    /// Whether a point of the page lies inside one of the filled shapes, or
    /// true when the box has none.
    fn holds(&self, p: Point) -> bool {
        let Some(back) = self.back.filter(|_| !self.fills.is_empty()) else {
            return true;
        };
        let p = p.transform(back);
        self.fills.iter().any(|(at, shape)| {
            let q = p - *at;
            match &shape.geometry {
                Geometry::Rect(size) => {
                    q.x >= Abs::zero() && q.y >= Abs::zero() && q.x <= size.x && q.y <= size.y
                }
                Geometry::Curve(curve) => curve.contains(shape.fill_rule, q),
                Geometry::Line(_) => false,
            }
        })
    }
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
                    let fills = (g.frame.items())
                        .map_while(|(at, item)| match item {
                            FrameItem::Shape(shape, _) => Some((*at, shape)),
                            _ => None,
                        })
                        .filter(|(at, shape)| shape.fill.is_some() && covers(&g.frame, *at, shape))
                        .map(|(at, shape)| (at, shape.clone()))
                        .collect();
                    Drawn {
                        x0: fold(Abs::min, Abs::inf(), |p| p.x),
                        y0: fold(Abs::min, Abs::inf(), |p| p.y),
                        x1: fold(Abs::max, -Abs::inf(), |p| p.x),
                        y1: fold(Abs::max, -Abs::inf(), |p| p.y),
                        fills,
                        back: ts.invert(),
                    }
                });
                let pushed = drawn.is_some();
                boxes.extend(drawn);
                walk(&g.frame, ts, boxes, artifacts, out);
                if pushed {
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
                let clear = Abs::pt(CLEAR);
                let corners = [
                    Point::new(r.x0 - clear, r.cap - clear),
                    Point::new(r.x1 + clear, r.cap - clear),
                    Point::new(r.x0 - clear, r.baseline + clear),
                    Point::new(r.x1 + clear, r.baseline + clear),
                ];
                if r.x0 < b.x0 - slack - r.hang_left
                    || r.x1 > b.x1 + slack + r.hang_right
                    || r.cap < b.y0 - slack
                    || r.baseline > b.y1 + slack
                    || !corners.into_iter().all(|p| b.holds(p))
                {
                    out.push(r);
                }
            }
            _ => {}
        }
    }
}

/// Whether a shape drawn at `at` covers the whole frame and its middle: the
/// box's own fill, not a table's cell or a frame line drawn as a filled side.
fn covers(frame: &Frame, at: Point, shape: &Shape) -> bool {
    let b = shape.bbox(false);
    let tol = Abs::pt(0.5);
    let middle = Point::new(frame.width() / 2.0, frame.height() / 2.0) - at;
    let inside = match &shape.geometry {
        Geometry::Curve(curve) => curve.contains(shape.fill_rule, middle),
        Geometry::Rect(_) => true,
        Geometry::Line(_) => false,
    };
    inside
        && at.x + b.min.x <= tol
        && at.y + b.min.y <= tol
        && at.x + b.max.x >= frame.width() - tol
        && at.y + b.max.y >= frame.height() - tol
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
