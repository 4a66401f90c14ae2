#ifndef SHADOW_SYS_H
#define SHADOW_SYS_H
#include <stddef.h>
#include <sys/types.h>

/// Sends `len` bytes of `data` with `fd_to_send` attached (SCM_RIGHTS) on a connected AF_UNIX socket.
/// Returns bytes sent, or -1 with errno set.
ssize_t shadow_send_with_fd(int socket_fd, const void *data, size_t len, int fd_to_send);

/// Receives up to `len` bytes; a descriptor passed with them is stored in `*received_fd` (else -1).
/// Returns bytes received (0 at end of stream), or -1 with errno set.
ssize_t shadow_recv_with_fd(int socket_fd, void *data, size_t len, int *received_fd);

#endif
