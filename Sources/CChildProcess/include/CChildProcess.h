#ifndef C_CHILD_PROCESS_H
#define C_CHILD_PROCESS_H

#include <sys/epoll.h>
#include <sys/types.h>

/// `pipe2(fds, O_CLOEXEC)`, which Swift's Glibc module does not export (it is a GNU extension).
/// Returns 0, or -1 with errno set.
int chronoview_pipe_cloexec(int fds[2]);

/// Waits for `pid` to end (`wait4`, retried on EINTR) and reports its wait status, the CPU time
/// it used (user plus system, in microseconds) and its peak resident memory (in kilobytes).
/// Returns 0, or an errno value.
int chronoview_wait(pid_t pid, int *status, long long *cpu_microseconds, long *peak_kilobytes);

/// Starts `path` as a child process the way the local Lambda service needs it:
/// - in a process group of its own, so that the whole environment can be killed at once;
/// - with `PR_SET_PDEATHSIG` set to SIGKILL, so that it dies with the thread that spawned it
///   (call this from a thread that lives as long as the harness);
/// - with standard input on `stdin_fd` (on /dev/null when it is -1), and standard output and
///   error on the given descriptors (the caller keeps all three, and closes them);
/// - with every other descriptor closed, default signal dispositions and an empty signal mask;
/// - in `directory` when it is not NULL.
///
/// Returns 0 and sets `*pid` and `*pidfd` (a pidfd for the child, or -1 where the kernel lacks
/// them); on failure returns an errno value, including one from the child's `execve`.
int chronoview_spawn(
    const char *path,
    char *const argv[],
    char *const envp[],
    const char *directory,
    int stdin_fd,
    int stdout_fd,
    int stderr_fd,
    pid_t *pid,
    int *pidfd);

#endif
