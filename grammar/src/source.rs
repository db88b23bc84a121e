use crate::{FileId, Span};

/// One source text with the name it is reported under.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// Every file of one compilation, indexed by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// For each file, the byte offset where each of its lines starts.
    line_starts: Vec<Vec<usize>>,
}

impl Sources {
    pub fn new() -> Sources {
        Sources::default()
    }

    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let text: String = text.into();
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        self.line_starts.push(starts);
        self.files.push(SourceFile {
            name: name.into(),
            text,
        });
        FileId((self.files.len() - 1) as u32)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// 1-based line and column (in characters) of a span's start.
    pub fn line_col(&self, span: Span) -> (usize, usize) {
        let text = &self.get(span.file).text;
        let at = floor_char_boundary(text, span.start as usize);
        let starts = &self.line_starts[span.file.0 as usize];
        // The last line starting at or before `at` (a newline at `at` ends that line).
        let line = starts.partition_point(|&s| s <= at);
        let col = text[starts[line - 1]..at].chars().count() + 1;
        (line, col)
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        let text = &self.get(span.file).text;
        let start = floor_char_boundary(text, span.start as usize);
        let end = floor_char_boundary(text, span.end as usize).max(start);
        &text[start..end]
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let mut s = Sources::new();
        let f = s.add("a.mig", "ab\ncé d\n");
        assert_eq!(s.line_col(Span::new(f, 0, 1)), (1, 1));
        assert_eq!(s.line_col(Span::new(f, 3, 4)), (2, 1));
        // `d` is after a two-byte character: column 4 in characters.
        assert_eq!(s.line_col(Span::new(f, 7, 8)), (2, 4));
        // A newline belongs to the line it ends; the end of the text starts the next line,
        // and an offset past it is read as the end.
        assert_eq!(s.line_col(Span::new(f, 2, 3)), (1, 3));
        assert_eq!(s.line_col(Span::new(f, 9, 9)), (3, 1));
        assert_eq!(s.line_col(Span::new(f, 40, 40)), (3, 1));
        // Inside a character: its start.
        assert_eq!(s.line_col(Span::new(f, 5, 6)), (2, 2));
        // Each file has its own lines.
        let g = s.add("b.mig", "x\n\ny");
        assert_eq!(s.line_col(Span::new(g, 3, 4)), (3, 1));
    }
}
