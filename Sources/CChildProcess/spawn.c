#define _GNU_SOURCE
#include "CChildProcess.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

int chronoview_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

int chronoview_wait(pid_t pid, int *status, long long *cpu_microseconds, long *peak_kilobytes) {
    struct rusage usage;
    while (wait4(pid, status, 0, &usage) < 0) {
        if (errno != EINTR) return errno;
    }
    *cpu_microseconds = (long long)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL
        + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    *peak_kilobytes = usage.ru_maxrss;
    return 0;
}

// Only async-signal-safe calls between fork and exec: the parent is multithreaded.
static void report_and_exit(int error_pipe, int error) {
    ssize_t ignored = write(error_pipe, &error, sizeof error);
    (void)ignored;
    _exit(127);
}

int chronoview_spawn(
    const char *path,
    char *const argv[],
    char *const envp[],
    const char *directory,
    int stdin_fd,
    int stdout_fd,
    int stderr_fd,
    pid_t *pid,
    int *pidfd) {
    // A close-on-exec pipe tells the parent whether execve worked: EOF means it did.
    int error_pipe[2];
    if (pipe2(error_pipe, O_CLOEXEC) != 0) return errno;

    pid_t parent = getpid();
    sigset_t all, previous;
    sigfillset(&all);
    // Blocked across fork so that no handler of the parent's runs in the child.
    pthread_sigmask(SIG_SETMASK, &all, &previous);

    pid_t child = fork();
    if (child == 0) {
        close(error_pipe[0]);
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) report_and_exit(error_pipe[1], errno);
        // The parent may have died before prctl took effect.
        if (getppid() != parent) _exit(127);
        setpgid(0, 0);

        int streams[3] = {stdin_fd, stdout_fd, stderr_fd};
        if (streams[0] < 0) streams[0] = open("/dev/null", O_RDONLY);
        if (streams[0] < 0) report_and_exit(error_pipe[1], errno);
        // Each moved above the standard three first, so that installing one cannot overwrite
        // another still to be installed, and so that dup2 never finds one already in place
        // (it would then leave its close-on-exec flag set).
        for (int stream = 0; stream < 3; stream++) {
            streams[stream] = fcntl(streams[stream], F_DUPFD, 3);
            if (streams[stream] < 0) report_and_exit(error_pipe[1], errno);
        }
        for (int stream = 0; stream < 3; stream++) {
            if (dup2(streams[stream], stream) < 0) report_and_exit(error_pipe[1], errno);
        }
        // Other threads of the parent may have opened descriptors without O_CLOEXEC.
        if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
            for (int fd = 3; fd < 4096; fd++) {
                if (fd != error_pipe[1]) close(fd);
            }
        }

        // Ignored signals stay ignored across exec (swift-nio ignores SIGPIPE): reset them.
        struct sigaction default_action = {0};
        default_action.sa_handler = SIG_DFL;
        for (int signal_number = 1; signal_number < NSIG; signal_number++) {
            sigaction(signal_number, &default_action, NULL);
        }
        sigset_t none;
        sigemptyset(&none);
        pthread_sigmask(SIG_SETMASK, &none, NULL);

        if (directory != NULL && chdir(directory) != 0) report_and_exit(error_pipe[1], errno);
        execve(path, argv, envp);
        report_and_exit(error_pipe[1], errno);
    }

    int fork_error = child < 0 ? errno : 0;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(error_pipe[1]);
    if (fork_error != 0) {
        close(error_pipe[0]);
        return fork_error;
    }

    int child_error = 0;
    ssize_t count;
    do {
        count = read(error_pipe[0], &child_error, sizeof child_error);
    } while (count < 0 && errno == EINTR);
    close(error_pipe[0]);
    if (count > 0) {
        // The child is gone already (it called _exit): reap it so that it leaves no zombie.
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        return child_error != 0 ? child_error : ECHILD;
    }

    *pid = child;
#ifdef SYS_pidfd_open
    *pidfd = (int)syscall(SYS_pidfd_open, child, 0);
#else
    *pidfd = -1;
#endif
    return 0;
}
