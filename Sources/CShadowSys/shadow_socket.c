#define _GNU_SOURCE
#include "shadow_sys.h"
#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

static int shadow_fill_address(struct sockaddr_un *address, const char *path) {
    size_t length = strlen(path);
    if (length == 0 || length >= sizeof(address->sun_path)) {
        errno = length == 0 ? EINVAL : ENAMETOOLONG;
        return -1;
    }
    memset(address, 0, sizeof(*address));
    address->sun_family = AF_UNIX;
    memcpy(address->sun_path, path, length + 1);
    return 0;
}

int shadow_unix_stream_socket(void) {
    return socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
}

int shadow_unix_bind(int socket_fd, const char *path) {
    struct sockaddr_un address;
    if (shadow_fill_address(&address, path) != 0) return -1;
    return bind(socket_fd, (const struct sockaddr *)&address, sizeof(address));
}

int shadow_unix_connect(int socket_fd, const char *path) {
    struct sockaddr_un address;
    if (shadow_fill_address(&address, path) != 0) return -1;
    int result;
    do { result = connect(socket_fd, (const struct sockaddr *)&address, sizeof(address)); }
    while (result < 0 && errno == EINTR);
    return result;
}

int shadow_unix_accept(int listen_fd) {
    int fd;
    do { fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC); } while (fd < 0 && errno == EINTR);
    return fd;
}

int shadow_peer_credentials(int socket_fd, int32_t *pid, uint32_t *uid, uint32_t *gid) {
    struct ucred credentials;
    socklen_t length = sizeof(credentials);
    if (getsockopt(socket_fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) return -1;
    *pid = credentials.pid;
    *uid = credentials.uid;
    *gid = credentials.gid;
    return 0;
}

int shadow_group_id(const char *name, uint32_t *gid) {
    size_t size = 16384;
    for (;;) {
        char *buffer = malloc(size);
        if (buffer == NULL) { errno = ENOMEM; return -1; }
        struct group entry;
        struct group *found = NULL;
        int error = getgrnam_r(name, &entry, buffer, size, &found);
        if (error == ERANGE && size < (1u << 22)) { free(buffer); size *= 4; continue; }
        if (found != NULL) *gid = found->gr_gid;
        free(buffer);
        if (error != 0 && error != ENOENT && error != ESRCH) { errno = error; return -1; }
        return found != NULL ? 0 : 1;
    }
}

int shadow_wake_create(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

int shadow_wake_signal(int wake_fd) {
    uint64_t one = 1;
    ssize_t n;
    do { n = write(wake_fd, &one, sizeof(one)); } while (n < 0 && errno == EINTR);
    return n == sizeof(one) || (n < 0 && errno == EAGAIN) ? 0 : -1;
}

void shadow_wake_drain(int wake_fd) {
    uint64_t value;
    ssize_t n;
    do { n = read(wake_fd, &value, sizeof(value)); } while (n < 0 && errno == EINTR);
}

int shadow_set_send_timeout(int socket_fd, int milliseconds) {
    struct timeval timeout = { .tv_sec = milliseconds / 1000, .tv_usec = (milliseconds % 1000) * 1000 };
    return setsockopt(socket_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
}
