// The latency-truth benchmark's server: one epoll thread answering every HTTP/1.1 request with a KServe V2 body after
// a fixed delay (nanosecond timers: epoll_pwait2, 1 ns timer slack); request number K (1-based) can stall longer.
// Each answer's hold time (request read → answer written) is kept; on SIGTERM the server prints
// "truth COUNT P50_MS P99_MS MAX_MS" of those hold times and exits. Answers on one connection keep their order.
// Build: gcc -O2 -o delay_server delay_server.c     Run: delay_server DELAY_MS [STALL_AT STALL_MS]
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUF 65536
#define MAXPENDING 65536
static const char reply[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 93\r\n\r\n"
    "{\"model_name\":\"m\",\"outputs\":[{\"name\":\"output-0\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[0.5]}]}";

typedef struct { int fd; size_t len; long long busy_until; char buf[BUF]; } conn;
typedef struct { conn *c; long long due, read_at; } pending;
static pending queue[MAXPENDING];
static int npending;
static long long *holds; static size_t nholds, capholds;
static volatile sig_atomic_t stop;

static long long now_ns(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000000LL + t.tv_nsec; }
static void on_term(int s) { (void)s; stop = 1; }
static int cmp(const void *a, const void *b) { long long x = *(const long long *)a, y = *(const long long *)b; return (x > y) - (x < y); }
static long body_length(const char *head, size_t n) {
    for (size_t i = 0; i + 15 < n; i++)
        if (head[i] == '\n' && strncasecmp(head + i + 1, "content-length:", 15) == 0) return atol(head + i + 16);
    return 0;
}

int main(int argc, char **argv) {
    long long delay = (long long)((argc > 1 ? atof(argv[1]) : 5.0) * 1e6);
    long stall_at = argc > 2 ? atol(argv[2]) : 0;
    long long stall = (long long)((argc > 3 ? atof(argv[3]) : 0.0) * 1e6);
    prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 1024) < 0) { perror("listen"); return 1; }
    socklen_t al = sizeof a;
    getsockname(lfd, (struct sockaddr *)&a, &al);
    printf("listening %d\n", ntohs(a.sin_port));
    fflush(stdout);
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL}, evs[256];
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    long requests = 0;
    while (!stop) {
        struct timespec to, *top = NULL;
        if (npending) {
            long long due = queue[0].due;
            for (int i = 1; i < npending; i++) if (queue[i].due < due) due = queue[i].due;
            long long left = due - now_ns();
            if (left < 0) left = 0;
            to.tv_sec = left / 1000000000LL; to.tv_nsec = left % 1000000000LL; top = &to;
        }
        int n = epoll_pwait2(ep, evs, 256, top, NULL);
        if (n < 0 && errno != EINTR) { perror("epoll_pwait2"); return 1; }
        for (int i = 0; i < n; i++) {
            conn *c = evs[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn *nc = calloc(1, sizeof *nc);
                    nc->fd = fd;
                    struct epoll_event e = {.events = EPOLLIN | EPOLLRDHUP, .data.ptr = nc};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
                }
                continue;
            }
            ssize_t r = read(c->fd, c->buf + c->len, BUF - c->len);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN) continue;
                int busy = 0;
                for (int k = 0; k < npending; k++) if (queue[k].c == c) busy = 1;
                epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
                if (!busy) { close(c->fd); free(c); } else { c->len = (size_t)-1; }
                continue;
            }
            c->len += r;
            long long t = now_ns();
            for (;;) {
                char *end = memmem(c->buf, c->len, "\r\n\r\n", 4);
                if (!end) break;
                size_t head = end - c->buf + 4;
                size_t total = head + body_length(c->buf, head);
                if (total > c->len) break;
                requests++;
                long long due = t + delay + (requests == stall_at ? stall : 0);
                if (due < c->busy_until) due = c->busy_until;  // answers on a connection keep their order
                c->busy_until = due;
                if (npending < MAXPENDING) queue[npending++] = (pending){c, due, t};
                memmove(c->buf, c->buf + total, c->len - total);
                c->len -= total;
            }
        }
        long long t = now_ns();
        for (int k = 0; k < npending;) {
            if (queue[k].due > t) { k++; continue; }
            conn *c = queue[k].c;
            if (c->len != (size_t)-1) send(c->fd, reply, sizeof reply - 1, MSG_NOSIGNAL);
            long long sent = now_ns();
            if (nholds == capholds) { capholds = capholds ? capholds * 2 : 1 << 16; holds = realloc(holds, capholds * sizeof *holds); }
            holds[nholds++] = sent - queue[k].read_at;
            queue[k] = queue[--npending];
            if (c->len == (size_t)-1) {
                int busy = 0;
                for (int j = 0; j < npending; j++) if (queue[j].c == c) busy = 1;
                if (!busy) { close(c->fd); free(c); }
            }
        }
    }
    if (nholds) {
        qsort(holds, nholds, sizeof *holds, cmp);
        size_t p50 = (size_t)(0.50 * nholds + 0.999999) - 1, p99 = (size_t)(0.99 * nholds + 0.999999) - 1;
        printf("truth %zu %.4f %.4f %.4f\n", nholds, holds[p50] / 1e6, holds[p99] / 1e6, holds[nholds - 1] / 1e6);
    } else {
        printf("truth 0 0 0 0\n");
    }
    fflush(stdout);
    return 0;
}
