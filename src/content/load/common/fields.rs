//! The fields of `edition.json` the common file may set (scenes, statuses,
//! comparison): the common one, unless the ward overrides it explicitly.

use super::super::Loader;
use crate::content::error::ContentError;
use crate::content::model::*;

/// scenes, statuses, comparison: the common one, unless the ward overrides it.
pub(super) fn fields(
    loader: &mut Loader,
    ed: &mut Edition,
    named: &CommonRef,
    common: &Common,
    file: &str,
    notices: &mut Vec<String>,
) -> Vec<CommonField> {
    let ward = [
        (CommonField::Scenes, !ed.scenes.is_empty()),
        (CommonField::Statuses, ed.statuses.is_some()),
        (CommonField::Comparison, ed.comparison.is_some()),
    ];
    let city = [
        common.scenes.is_some(),
        common.statuses.is_some(),
        common.comparison.is_some(),
    ];
    for ((field, own), in_common) in ward.into_iter().zip(city) {
        let name = field.name();
        let overridden = named.overrides.contains(&field);
        if overridden && !(own && in_common) {
            let why = if in_common {
                format!("edition.json に {name} がありません")
            } else {
                format!("共通フォルダの {file} に {name} がありません")
            };
            let m = format!(
                "common.overrides に {name} がありますが、{why}。区で置き換えないなら common.overrides から {name} を消してください"
            );
            let i = named
                .overrides
                .iter()
                .position(|f| *f == field)
                .unwrap_or(0);
            (loader.errors)
                .push(ContentError::new("edition.json", m).at(format!("/common/overrides/{i}")));
        } else if own && in_common && !overridden {
            let m = format!(
                "edition.json の {name} は、共通フォルダの {file} の {name} と重なっています。共通のものを使うなら edition.json から {name} を消し、区で違うものにするなら common.overrides に \"{name}\" を書いてください"
            );
            (loader.errors).push(ContentError::new("edition.json", m).at(format!("/{name}")));
        } else if overridden {
            notices.push(format!(
                "edition.json は共通フォルダの {file} の {name} を区独自のものに置き換えています（common.overrides）"
            ));
        }
    }
    let mut taken = Vec::new();
    let mut take = |f: CommonField, has: bool| {
        let yes = has && !named.overrides.contains(&f);
        if yes {
            taken.push(f);
        }
        yes
    };
    if take(CommonField::Scenes, common.scenes.is_some()) {
        ed.scenes = common.scenes.clone().unwrap_or_default();
    }
    if take(CommonField::Statuses, common.statuses.is_some()) {
        ed.statuses = common.statuses.clone();
    }
    if take(CommonField::Comparison, common.comparison.is_some()) {
        ed.comparison = common.comparison;
    }
    taken
}
