//! Parsing the files of a schema, on worker threads when there is more than one core.

use migc_grammar::ast;
use migc_grammar::{Diagnostic, FileId, Sources};

/// Parses the files, in order. Files are independent, so with more than one core they are
/// parsed on worker threads (parsing is most of the time `migc check` takes). The workers
/// get the stack a main thread usually has (8 MiB), so how deeply a file may nest before pest
/// gives up does not depend on the thread.
pub(super) fn parse_files(
    sources: &Sources,
    files: &[FileId],
) -> Vec<Result<ast::File, Vec<Diagnostic>>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let parse = |file: FileId| migc_grammar::parse(file, &sources.get(file).text);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = threads.min(files.len());
    if threads <= 1 {
        return files.iter().map(|&file| parse(file)).collect();
    }
    // Each worker takes the next file not yet taken, so a large file does not hold up the rest.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(&file) = files.get(i) else { break };
            done.push((i, parse(file)));
        }
        done
    };
    let mut results: Vec<Option<Result<ast::File, Vec<Diagnostic>>>> = Vec::new();
    results.resize_with(files.len(), || None);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(8 << 20)
                    .spawn_scoped(scope, work)
            })
            .collect();
        for worker in workers {
            // A worker that cannot be started leaves its share to the others; one that panicked
            // passes the panic on.
            let Ok(worker) = worker else { continue };
            let done = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, result) in done {
                results[i] = Some(result);
            }
        }
    });
    files
        .iter()
        .zip(results)
        .map(|(&file, result)| result.unwrap_or_else(|| parse(file)))
        .collect()
}
