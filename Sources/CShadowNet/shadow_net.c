#define _GNU_SOURCE
#include "shadow_net.h"
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static uint32_t to_epoll(uint32_t e) {
    uint32_t r = 0;
    if (e & SHADOW_EP_IN) r |= EPOLLIN;
    if (e & SHADOW_EP_OUT) r |= EPOLLOUT;
    if (e & SHADOW_EP_RDHUP) r |= EPOLLRDHUP;
    return r;
}

static uint32_t from_epoll(uint32_t e) {
    uint32_t r = 0;
    if (e & EPOLLIN) r |= SHADOW_EP_IN;
    if (e & EPOLLOUT) r |= SHADOW_EP_OUT;
    if (e & EPOLLERR) r |= SHADOW_EP_ERR;
    if (e & EPOLLHUP) r |= SHADOW_EP_HUP;
    if (e & EPOLLRDHUP) r |= SHADOW_EP_RDHUP;
    return r;
}

int shadow_ep_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int shadow_ep_add(int ep, int fd, uint32_t events, uint64_t tag) {
    struct epoll_event ev = {.events = to_epoll(events), .data.u64 = tag};
    return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

int shadow_ep_mod(int ep, int fd, uint32_t events, uint64_t tag) {
    struct epoll_event ev = {.events = to_epoll(events), .data.u64 = tag};
    return epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
}

int shadow_ep_del(int ep, int fd) {
    struct epoll_event ev = {0};
    return epoll_ctl(ep, EPOLL_CTL_DEL, fd, &ev);
}

int shadow_ep_wait(int ep, shadow_ep_event *out, int max, int timeout_ms) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n = epoll_wait(ep, evs, max, timeout_ms);
    if (n < 0) return errno == EINTR ? 0 : -1;
    for (int i = 0; i < n; i++) {
        out[i].tag = evs[i].data.u64;
        out[i].events = from_epoll(evs[i].events);
    }
    return n;
}

int shadow_resolve(const char *host, int port, void *addr, uint32_t *addr_len) {
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    int rc = getaddrinfo(host, service, &hints, &res);
    if (rc != 0) return rc;
    struct addrinfo *pick = res;
    for (struct addrinfo *p = res; p; p = p->ai_next) {
        if (p->ai_family == AF_INET) { pick = p; break; }
    }
    memcpy(addr, pick->ai_addr, pick->ai_addrlen);
    *addr_len = (uint32_t)pick->ai_addrlen;
    freeaddrinfo(res);
    return 0;
}

int shadow_tcp_connect(const void *addr, uint32_t addr_len) {
    const struct sockaddr *sa = addr;
    int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
    if (connect(fd, sa, addr_len) < 0 && errno != EINPROGRESS) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

ssize_t shadow_recv_stamped(int fd, void *buf, size_t len, uint64_t *received_ns) {
    struct iovec iov = { .iov_base = buf, .iov_len = len };
    union { char buf[CMSG_SPACE(sizeof(struct timespec))]; struct cmsghdr align; } control;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                          .msg_controllen = sizeof control.buf };
    *received_ns = 0;
    ssize_t n = recvmsg(fd, &msg, 0);
    if (n <= 0) return n;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_TIMESTAMPNS) continue;
        struct timespec stamp, real, mono;
        memcpy(&stamp, CMSG_DATA(c), sizeof stamp);
        clock_gettime(CLOCK_REALTIME, &real);
        clock_gettime(CLOCK_MONOTONIC, &mono);
        int64_t at = (int64_t)stamp.tv_sec * 1000000000LL + stamp.tv_nsec;
        int64_t offset = ((int64_t)real.tv_sec - mono.tv_sec) * 1000000000LL + (real.tv_nsec - mono.tv_nsec);
        int64_t monotonic = at - offset;
        int64_t now = (int64_t)mono.tv_sec * 1000000000LL + mono.tv_nsec;
        // A stamp from the future (a clock step between the stamp and now) is not used.
        if (monotonic > 0 && monotonic <= now) *received_ns = (uint64_t)monotonic;
    }
    return n;
}

int shadow_socket_error(int fd) {
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) return errno;
    return err;
}

int shadow_tcp_listen(const char *host, int port, int backlog, int *bound_port) {
    unsigned char addr[128];
    uint32_t len = 0;
    if (shadow_resolve(host, port, addr, &len) != 0) { errno = EADDRNOTAVAIL; return -1; }
    const struct sockaddr *sa = (const struct sockaddr *)addr;
    int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, sa, len) < 0 || listen(fd, backlog) < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    struct sockaddr_storage bound;
    socklen_t blen = sizeof bound;
    if (getsockname(fd, (struct sockaddr *)&bound, &blen) == 0 && bound_port) {
        if (bound.ss_family == AF_INET) *bound_port = ntohs(((struct sockaddr_in *)&bound)->sin_port);
        else *bound_port = ntohs(((struct sockaddr_in6 *)&bound)->sin6_port);
    }
    return fd;
}

int shadow_tcp_accept(int listen_fd) {
    int fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

void shadow_close_reset(int fd) {
    struct linger lg = {.l_onoff = 1, .l_linger = 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    close(fd);
}

int shadow_event_create(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

void shadow_event_signal(int fd) {
    uint64_t one = 1;
    ssize_t r = write(fd, &one, sizeof one);
    (void)r;
}

void shadow_event_drain(int fd) {
    uint64_t v;
    ssize_t r = read(fd, &v, sizeof v);
    (void)r;
}

ssize_t shadow_send(int fd, const void *data, size_t len) { return send(fd, data, len, MSG_NOSIGNAL); }

long shadow_rss_kb(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return 0;
    long size = 0, resident = 0;
    int n = fscanf(f, "%ld %ld", &size, &resident);
    fclose(f);
    if (n != 2) return 0;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}
