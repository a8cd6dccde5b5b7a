//! A returned workbook is a zip: its parts are inflated here first, counting and
//! discarding, so one that would inflate to gigabytes (a decompression bomb, or a
//! sheet pasted full by mistake) is refused before calamine holds it in memory.

use std::io::Read;

/// The most all parts of a workbook may inflate to (the sheets planpress writes
/// inflate to well under 1 MB).
pub const LIMIT: u64 = 50 * 1024 * 1024;

const END: u32 = 0x0605_4b50;
const ENTRY: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Refuse a workbook whose parts inflate to more than `LIMIT` together. A file
/// that is not a zip as far as this reads passes: calamine says it is unreadable.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let Some(end) = (0..bytes.len().saturating_sub(21))
        .rev()
        .take(65_557)
        .find(|&i| u32_at(bytes, i) == Some(END))
    else {
        return Ok(());
    };
    let (Some(count), Some(mut at)) = (u16_at(bytes, end + 10), u32_at(bytes, end + 16)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for _ in 0..count {
        let mut at_entry = at as usize;
        if u32_at(bytes, at_entry) != Some(ENTRY) {
            return Ok(());
        }
        let fields = (
            u16_at(bytes, at_entry + 10),
            u32_at(bytes, at_entry + 20),
            u16_at(bytes, at_entry + 28),
            u16_at(bytes, at_entry + 30),
            u16_at(bytes, at_entry + 32),
            u32_at(bytes, at_entry + 42),
        );
        let (Some(method), Some(packed), Some(n), Some(m), Some(k), Some(local)) = fields else {
            return Ok(());
        };
        at_entry += 46 + n + m + k;
        at = at_entry as u32;
        total += inflated_size(
            bytes,
            local as usize,
            method,
            packed,
            LIMIT - total.min(LIMIT),
        )?;
        if total > LIMIT {
            return Err(too_big());
        }
    }
    Ok(())
}

/// The size one part inflates to, read no further than `room` bytes past.
fn inflated_size(
    bytes: &[u8],
    local: usize,
    method: usize,
    packed: u32,
    room: u64,
) -> Result<u64, String> {
    if u32_at(bytes, local) != Some(LOCAL) {
        return Ok(0);
    }
    let (Some(n), Some(m)) = (u16_at(bytes, local + 26), u16_at(bytes, local + 28)) else {
        return Ok(0);
    };
    let Some(data) = bytes.get(local + 30 + n + m..) else {
        return Ok(0);
    };
    match method {
        // Stored: as large as it is packed (zip64 sizes are not used by Excel).
        0 => Ok(u64::from(packed)),
        // Deflated: inflated up to the room left, the deflate stream ending itself.
        8 => {
            let mut inflater = flate2::read::DeflateDecoder::new(data).take(room + 1);
            let mut sink = [0u8; 64 * 1024];
            let mut size = 0u64;
            loop {
                match inflater.read(&mut sink) {
                    Ok(0) => return Ok(size),
                    Ok(k) => size += k as u64,
                    // Damaged: calamine says the workbook is unreadable.
                    Err(_) => return Ok(size),
                }
                if size > room {
                    return Err(too_big());
                }
            }
        }
        _ => Ok(0),
    }
}

fn too_big() -> String {
    format!(
        "ファイルを展開すると大きすぎます（{} MB まで）。壊れているか、表の外に大量のデータがあります。planpress sheets で作ったファイルに記入し直してもらってください",
        LIMIT / 1024 / 1024
    )
}
