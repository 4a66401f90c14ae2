// The wrk anchor's server: one epoll thread answering every HTTP/1.1 request at once with a fixed JSON body.
// Build: gcc -O2 -o responder responder.c     Run: responder PORT   (prints "listening PORT")
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF 65536
static const char reply[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 21\r\n\r\n{\"predictions\":[0.5]}";

typedef struct { int fd; size_t len; char buf[BUF]; } conn;

static long body_length(const char *head, size_t n) {
    for (size_t i = 0; i + 15 < n; i++) {
        if ((head[i] == '\n') && strncasecmp(head + i + 1, "content-length:", 15) == 0) return atol(head + i + 16);
    }
    return 0;
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 0;
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 1024) < 0) { perror("listen"); return 1; }
    socklen_t al = sizeof a;
    getsockname(lfd, (struct sockaddr *)&a, &al);
    printf("listening %d\n", ntohs(a.sin_port));
    fflush(stdout);
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL}, evs[256];
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    for (;;) {
        int n = epoll_wait(ep, evs, 256, -1);
        for (int i = 0; i < n; i++) {
            conn *c = evs[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn *nc = calloc(1, sizeof *nc);
                    nc->fd = fd;
                    struct epoll_event e = {.events = EPOLLIN, .data.ptr = nc};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
                }
                continue;
            }
            ssize_t r = read(c->fd, c->buf + c->len, BUF - c->len);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN) continue;
                close(c->fd);
                free(c);
                continue;
            }
            c->len += r;
            for (;;) {
                char *end = memmem(c->buf, c->len, "\r\n\r\n", 4);
                if (!end) break;
                size_t head = end - c->buf + 4;
                size_t total = head + body_length(c->buf, head);
                if (total > c->len) break;
                ssize_t w = send(c->fd, reply, sizeof reply - 1, MSG_NOSIGNAL);
                (void)w;
                memmove(c->buf, c->buf + total, c->len - total);
                c->len -= total;
            }
            if (c->len == BUF) { close(c->fd); free(c); }
        }
    }
}
