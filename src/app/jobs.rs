//! [`Job<T>`]: long work off the UI thread, written once — a named thread, a
//! channel back, a repaint when it ends — used by loading, exporting and both
//! "Browse…" dialogs.
//!
//! Contract: a job ends exactly once as far as the window is concerned: [`Job::poll`]
//! gives its value, or says it stopped (it panicked) once; a job that cannot start
//! is an error at [`Job::spawn`]. Either way the caller shows the reason and drops
//! the job, so nothing waits for good on a dead worker.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A piece of work on a worker thread.
pub struct Job<T> {
    name: String,
    result: Receiver<T>,
}

/// What a job has to say this frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Polled<T> {
    /// Still working.
    Running,
    /// Finished with this value.
    Done(T),
    /// The worker stopped without a value (it panicked): the message says which.
    Stopped(String),
}

/// Asks for a repaint when dropped: at the end of the work, or while a panicking
/// worker unwinds, so the window polls the job in either case.
struct Repaint(egui::Context);

impl Drop for Repaint {
    fn drop(&mut self) {
        self.0.request_repaint();
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread called `name`; an error says why it could not start.
    pub fn spawn(
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<Job<T>, String> {
        let (send, result) = channel();
        let repaint = Repaint(ctx.clone());
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let _repaint = repaint;
                // The window may have stopped listening: nothing to tell then.
                send.send(work()).ok();
            })
            .map_err(|e| format!("cannot start the {name}: {e}"))?;
        Ok(Job {
            name: name.into(),
            result,
        })
    }
}

impl<T> Job<T> {
    /// The job's value once it is there.
    pub fn poll(&self) -> Polled<T> {
        match self.result.try_recv() {
            Ok(value) => Polled::Done(value),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => {
                Polled::Stopped(format!("the {} stopped unexpectedly", self.name))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T>(job: &Job<T>) -> Polled<T> {
        for _ in 0..500 {
            match job.poll() {
                Polled::Running => std::thread::sleep(std::time::Duration::from_millis(5)),
                other => return other,
            }
        }
        Polled::Running
    }

    #[test]
    fn a_job_gives_its_value_once() {
        let ctx = egui::Context::default();
        let job = Job::spawn(&ctx, "sum", || 2 + 2).unwrap();
        assert_eq!(wait(&job), Polled::Done(4));
    }

    #[test]
    fn a_job_that_panics_says_it_stopped() {
        let ctx = egui::Context::default();
        let job: Job<u32> = Job::spawn(&ctx, "file dialog", || panic!("no dialog")).unwrap();
        assert_eq!(
            wait(&job),
            Polled::Stopped("the file dialog stopped unexpectedly".into())
        );
    }
}
