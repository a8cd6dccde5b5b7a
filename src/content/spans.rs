//! Where each value of a JSON text stands: serde_json keeps no positions for values
//! that parse but break a document rule, so this scanner maps JSON pointers
//! (`/divisions/2/departments/0/targets/1/text`) to byte ranges.

use std::collections::HashMap;
use std::ops::Range;

/// Nesting deeper than serde_json reads (128 levels) is not scanned: the parser
/// reports it, and the scanner's recursion stays shallow.
const MAX_DEPTH: usize = 128;

/// Values as a tree (each knows its parent and its own pointer token), so the
/// memory is linear in the text however deep and long the keys are.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    nodes: Vec<Node>,
    children: HashMap<(usize, String), usize>,
}

#[derive(Debug, Clone)]
struct Node {
    parent: usize,
    token: String,
    range: Range<usize>,
}

impl Spans {
    /// Scan a JSON text; a malformed text yields the spans found before the fault.
    pub fn scan(text: &str) -> Self {
        let mut s = Scanner {
            b: text.as_bytes(),
            i: 0,
            spans: Spans::default(),
        };
        s.ws();
        let _ = s.value(usize::MAX, String::new(), 0);
        s.spans
    }

    /// The byte range of the value at `pointer` ("" is the whole document).
    pub fn get(&self, pointer: &str) -> Option<Range<usize>> {
        let mut node = (!self.nodes.is_empty()).then_some(0)?;
        for token in pointer.split('/').skip(1) {
            node = *self.children.get(&(node, token.to_string()))?;
        }
        Some(self.nodes[node].range.clone())
    }

    /// The innermost value whose range contains `offset`: (pointer, range).
    pub fn at(&self, offset: usize) -> Option<(String, Range<usize>)> {
        let (mut i, node) = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.range.start <= offset && offset <= n.range.end)
            .min_by_key(|(_, n)| n.range.end - n.range.start)?;
        let range = node.range.clone();
        let mut tokens = Vec::new();
        while i != 0 {
            tokens.push(self.nodes[i].token.as_str());
            i = self.nodes[i].parent;
        }
        let pointer = tokens.iter().rev().map(|t| format!("/{t}")).collect();
        Some((pointer, range))
    }
}

/// Escape a key for a JSON pointer (RFC 6901).
pub fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    spans: Spans,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    fn value(&mut self, parent: usize, token: String, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        let start = self.i;
        let me = self.spans.nodes.len();
        if parent != usize::MAX {
            self.spans.children.insert((parent, token.clone()), me);
        }
        self.spans.nodes.push(Node {
            parent,
            token,
            range: start..start,
        });
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                if self.eat(b'}').is_none() {
                    loop {
                        self.ws();
                        let key = self.string()?;
                        self.eat(b':')?;
                        self.value(me, pointer_token(&key), depth + 1)?;
                        if self.eat(b',').is_none() {
                            self.eat(b'}')?;
                            break;
                        }
                    }
                }
            }
            b'[' => {
                self.i += 1;
                if self.eat(b']').is_none() {
                    let mut n = 0;
                    loop {
                        self.value(me, n.to_string(), depth + 1)?;
                        n += 1;
                        if self.eat(b',').is_none() {
                            self.eat(b']')?;
                            break;
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
            }
            _ => {
                while self.i < self.b.len()
                    && !matches!(
                        self.b[self.i],
                        b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                    )
                {
                    self.i += 1;
                }
            }
        }
        self.spans.nodes[me].range = start..self.i;
        Some(())
    }

    /// A string's raw text (escapes left as written, enough for keys).
    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let start = self.i;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    let raw = std::str::from_utf8(&self.b[start..self.i]).ok()?;
                    self.i += 1;
                    return Some(
                        serde_json::from_str(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_string()),
                    );
                }
                _ => self.i += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_map_to_byte_ranges() {
        let text = "{\n  \"a\": [1, {\"b/c\": \"x\\\"y\"}],\n  \"d\": true\n}";
        let s = Spans::scan(text);
        assert_eq!(&text[s.get("/a/0").unwrap()], "1");
        assert_eq!(&text[s.get("/a/1/b~1c").unwrap()], "\"x\\\"y\"");
        assert_eq!(&text[s.get("/d").unwrap()], "true");
        assert_eq!(s.get("").unwrap(), 0..text.len());
        let at = text.find("x\\").unwrap();
        assert_eq!(s.at(at).unwrap().0, "/a/1/b~1c");
    }
}
