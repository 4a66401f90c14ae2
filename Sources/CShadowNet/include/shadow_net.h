#ifndef SHADOW_NET_H
#define SHADOW_NET_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/// Readiness bits reported by `shadow_ep_wait` and accepted by `shadow_ep_add` / `shadow_ep_mod`.
enum {
    SHADOW_EP_IN = 1,
    SHADOW_EP_OUT = 2,
    SHADOW_EP_ERR = 4,
    SHADOW_EP_HUP = 8,
    SHADOW_EP_RDHUP = 16
};

/// One readiness event: the 64-bit tag given at registration and the readiness bits.
typedef struct {
    uint64_t tag;
    uint32_t events;
} shadow_ep_event;

/// Creates a close-on-exec epoll instance. Returns it, or -1 with errno set.
int shadow_ep_create(void);

/// Registers `fd` (level-triggered) for `events` with `tag`. Returns 0, or -1 with errno set.
int shadow_ep_add(int ep, int fd, uint32_t events, uint64_t tag);

/// Changes the events and tag of a registered `fd`. Returns 0, or -1 with errno set.
int shadow_ep_mod(int ep, int fd, uint32_t events, uint64_t tag);

/// Removes `fd`. Returns 0, or -1 with errno set.
int shadow_ep_del(int ep, int fd);

/// Waits up to `timeout_ms` (-1: forever) for at most `max` events. Returns their count (0 on EINTR), or -1.
int shadow_ep_wait(int ep, shadow_ep_event *out, int max, int timeout_ms);

/// Resolves `host`:`port` (numeric or by name, IPv4 first) into `addr` (at least 128 bytes) and `*addr_len`.
/// Returns 0, or a getaddrinfo error code.
int shadow_resolve(const char *host, int port, void *addr, uint32_t *addr_len);

/// Starts a non-blocking TCP connect (TCP_NODELAY, SO_TIMESTAMPNS, close-on-exec) to a resolved address. Returns the descriptor
/// (the connect may still be in progress), or -1 with errno set (ECONNREFUSED when refused at once).
int shadow_tcp_connect(const void *addr, uint32_t addr_len);

/// Reads like read(2) from a socket made by `shadow_tcp_connect` and stores in `*received_ns` when the kernel received
/// the last data read (its SO_TIMESTAMPNS software stamp, moved to CLOCK_MONOTONIC nanoseconds), or 0 when no stamp
/// came with it. A response is then timed at its arrival, not at the reader's wake-up. Returns bytes read, 0 at end
/// of stream, or -1 with errno set.
ssize_t shadow_recv_stamped(int fd, void *buf, size_t len, uint64_t *received_ns);

/// Reads and clears the pending socket error (SO_ERROR) after a non-blocking connect. Returns 0 or an errno value.
int shadow_socket_error(int fd);

/// Opens a non-blocking listening TCP socket on `host`:`port` (0: an ephemeral port, stored in `*bound_port`).
/// Returns the descriptor, or -1 with errno set.
int shadow_tcp_listen(const char *host, int port, int backlog, int *bound_port);

/// Accepts one connection as non-blocking, close-on-exec, TCP_NODELAY. Returns it, or -1 with errno set.
int shadow_tcp_accept(int listen_fd);

/// Closes with an RST instead of a FIN (SO_LINGER 0), as a crashed or resetting server does.
void shadow_close_reset(int fd);

/// Creates a non-blocking eventfd. Returns it, or -1 with errno set.
int shadow_event_create(void);

/// Adds one to an eventfd's counter.
void shadow_event_signal(int fd);

/// Clears an eventfd's counter.
void shadow_event_drain(int fd);

/// Sends on a socket without SIGPIPE. Returns bytes sent or -1 with errno set.
ssize_t shadow_send(int fd, const void *data, size_t len);

/// Reads the caller's resident set size in kilobytes from /proc/self/statm (0 when unknown).
long shadow_rss_kb(void);

#endif
