use crate::doc::*;
use typst::layout::FrameItem;
#[test]
fn probe() {
    let b = shipped();
    for i in [0usize, 3, 4] {
        let page = &b.document.pages()[i];
        println!("page {i} size {:?}", page.frame.size());
        for (pos, item) in page.frame.items() {
            match item {
                FrameItem::Group(g) => println!(
                    "  group at {:?} size {:?} kind {:?} items {}",
                    pos,
                    g.frame.size(),
                    g.frame.kind(),
                    g.frame.items().count()
                ),
                FrameItem::Text(t) => println!("  text at {:?} {:?}", pos, t.text),
                FrameItem::Tag(_) => {}
                other => println!("  other at {:?} {:?}", pos, std::mem::discriminant(other)),
            }
        }
    }
}
