//! A build session that keeps one World, and so Typst's memoized caches (comemo),
//! alive between builds: the rebuild after a small edit reuses everything else.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::{BuildError, Options, PlanWorld, prepare};

pub struct Session {
    dir: PathBuf,
    options: Options,
    world: Option<PlanWorld>,
}

/// One rebuild: the PDF and where the time went.
pub struct Rebuilt {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<String>,
    /// Loading content and rendering templates.
    pub prepare: Duration,
    /// Typst's compile (layout).
    pub compile: Duration,
    /// PDF export.
    pub export: Duration,
}

impl Session {
    pub fn new(dir: &Path, options: Options) -> Self {
        Session {
            dir: dir.to_path_buf(),
            options,
            world: None,
        }
    }

    pub fn rebuild(&mut self) -> Result<Rebuilt, BuildError> {
        let t0 = Instant::now();
        let prepared = prepare(&self.dir, &self.options)?;
        let g = &prepared.generated;
        let world = match &mut self.world {
            Some(w) => {
                w.update(
                    &g.main,
                    &g.modules,
                    prepared.attachments.clone(),
                    prepared.date,
                );
                w
            }
            None => self.world.insert(PlanWorld::new(
                g.main.clone(),
                &g.modules,
                prepared.attachments.clone(),
                prepared.date,
            )),
        };
        let t1 = Instant::now();
        let (document, warnings) = prepared.compile(world)?;
        let t2 = Instant::now();
        let pdf = prepared.export(world, &document)?;
        let t3 = Instant::now();
        // Keep the caches of recent builds, drop older entries (as typst-cli's watch does).
        typst::comemo::evict(10);
        let mut all = prepared.warnings;
        all.extend(warnings);
        Ok(Rebuilt {
            pdf,
            pages: document.pages().len(),
            warnings: all,
            prepare: t1 - t0,
            compile: t2 - t1,
            export: t3 - t2,
        })
    }
}
