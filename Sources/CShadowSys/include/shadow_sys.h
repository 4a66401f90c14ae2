#ifndef SHADOW_SYS_H
#define SHADOW_SYS_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/// Sends `len` bytes of `data` with `fd_to_send` attached (SCM_RIGHTS) on a connected AF_UNIX socket.
/// Returns bytes sent, or -1 with errno set.
ssize_t shadow_send_with_fd(int socket_fd, const void *data, size_t len, int fd_to_send);

/// Receives up to `len` bytes; a descriptor passed with them is stored in `*received_fd` (else -1).
/// Returns bytes received (0 at end of stream), or -1 with errno set.
ssize_t shadow_recv_with_fd(int socket_fd, void *data, size_t len, int *received_fd);

/// Creates an AF_UNIX stream socket with close-on-exec set. Returns the descriptor, or -1 with errno set.
int shadow_unix_stream_socket(void);

/// Caps glibc's malloc arenas at `count` (mallopt M_ARENA_MAX). Batches allocated on one thread and freed on another
/// otherwise leave freed memory spread over up to 8 arenas per core. Returns 1 on success, 0 where unsupported.
int shadow_limit_malloc_arenas(int count);

/// Sets the calling thread's timer slack to `nanoseconds` (prctl PR_SET_TIMERSLACK; the default is 50 µs, by which
/// the kernel may defer the thread's timed wake-ups). Returns 0, or -1 with errno set.
int shadow_set_timer_slack(unsigned long nanoseconds);

/// Binds `socket_fd` to the filesystem path `path`. Returns 0, or -1 with errno set (ENAMETOOLONG if the path does
/// not fit in sockaddr_un).
int shadow_unix_bind(int socket_fd, const char *path);

/// Connects `socket_fd` to the AF_UNIX socket at `path` (retrying on EINTR). Returns 0, or -1 with errno set.
int shadow_unix_connect(int socket_fd, const char *path);

/// Accepts one connection with close-on-exec set (retrying on EINTR). Returns the descriptor, or -1 with errno set.
int shadow_unix_accept(int listen_fd);

/// Reads the peer's process id, user id and group id of a connected AF_UNIX socket (SO_PEERCRED).
/// Returns 0, or -1 with errno set.
int shadow_peer_credentials(int socket_fd, int32_t *pid, uint32_t *uid, uint32_t *gid);

/// Looks up a group by name. Returns 0 and stores its id in `*gid`, 1 if no such group exists, or -1 with errno set.
int shadow_group_id(const char *name, uint32_t *gid);

/// Creates a non-blocking, close-on-exec eventfd used to wake a thread blocked in poll(2). Returns it, or -1.
int shadow_wake_create(void);

/// Makes the wake descriptor readable (adds one to its counter). Returns 0, or -1 with errno set.
int shadow_wake_signal(int wake_fd);

/// Resets the wake descriptor's counter so it is no longer readable.
void shadow_wake_drain(int wake_fd);

/// Sets the send timeout of a socket in milliseconds (SO_SNDTIMEO). Returns 0, or -1 with errno set.
int shadow_set_send_timeout(int socket_fd, int milliseconds);

#endif
