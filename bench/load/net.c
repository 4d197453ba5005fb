/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * load-net TX_IF RX_IF: flood raw Ethernet frames (ethertype 0x88b5, for
 * local experiments; no IP) out of TX_IF to RX_IF's address, and count
 * what RX_IF receives, until SIGTERM.  The two interfaces are meant to be
 * joined by a hub inside the emulator: every frame is a receive
 * interrupt, like the NIC flood of a network under load.
 *
 * load-net -r FPS TX_IF MAC: send FPS frames a second on average to MAC,
 * a NIC outside this machine (passed through to another domain), at
 * random gaps of 0.5 to 1.5 times the mean: no frame train can lock onto
 * the phase of a periodic tick.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "load.h"

#define ETHERTYPE_LOCAL 0x88b5
#define FRAME_LEN 64

static int packet_socket(const char *ifname, int *ifindex,
                         unsigned char mac[ETH_ALEN])
{
    struct sockaddr_ll sll;
    struct ifreq ifr;
    int s = socket(AF_PACKET, SOCK_RAW, htons(ETHERTYPE_LOCAL));

    if ( s < 0 )
        load_die("AF_PACKET socket: %s", strerror(errno));

    memset(&ifr, 0, sizeof(ifr));
    strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
    if ( ioctl(s, SIOCGIFINDEX, &ifr) )
        load_die("%s: no such interface (%s)", ifname, strerror(errno));
    *ifindex = ifr.ifr_ifindex;
    if ( ioctl(s, SIOCGIFHWADDR, &ifr) )
        load_die("%s: no hardware address (%s)", ifname, strerror(errno));
    memcpy(mac, ifr.ifr_hwaddr.sa_data, ETH_ALEN);

    memset(&sll, 0, sizeof(sll));
    sll.sll_family = AF_PACKET;
    sll.sll_protocol = htons(ETHERTYPE_LOCAL);
    sll.sll_ifindex = *ifindex;
    if ( bind(s, (struct sockaddr *)&sll, sizeof(sll)) )
        load_die("bind to %s: %s", ifname, strerror(errno));

    return s;
}

static void receive(int s)
{
    unsigned long long frames = 0;
    unsigned char buf[2048];

    while ( !load_stop )
        if ( recv(s, buf, sizeof(buf), 0) > 0 )
            frames++;
    load_report("%llu frames received", frames);
}

struct sender {
    int s;
    unsigned char frame[FRAME_LEN];
    struct sockaddr_ll to;
    unsigned long long frames;
};

static void sender_init(struct sender *tx, int s, int ifindex,
                        const unsigned char dst[ETH_ALEN],
                        const unsigned char src[ETH_ALEN])
{
    struct ether_header *eh = (struct ether_header *)tx->frame;

    memset(tx, 0, sizeof(*tx));
    tx->s = s;
    memcpy(eh->ether_dhost, dst, ETH_ALEN);
    memcpy(eh->ether_shost, src, ETH_ALEN);
    eh->ether_type = htons(ETHERTYPE_LOCAL);

    tx->to.sll_family = AF_PACKET;
    tx->to.sll_ifindex = ifindex;
    tx->to.sll_halen = ETH_ALEN;
    memcpy(tx->to.sll_addr, dst, ETH_ALEN);
}

static void send_one(struct sender *tx)
{
    memcpy(tx->frame + sizeof(struct ether_header), &tx->frames,
           sizeof(tx->frames));
    if ( sendto(tx->s, tx->frame, sizeof(tx->frame), 0,
                (struct sockaddr *)&tx->to, sizeof(tx->to)) ==
         sizeof(tx->frame) )
        tx->frames++;
    else if ( errno != ENOBUFS && errno != EINTR && errno != EAGAIN )
        load_die("send: %s", strerror(errno));
}

static void send_flood(struct sender *tx)
{
    while ( !load_stop )
        send_one(tx);
    load_report("%llu frames sent", tx->frames);
}

static unsigned long long now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);

    return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void send_paced(struct sender *tx, unsigned long fps)
{
    unsigned long long mean = 1000000000ULL / fps, start = now_ns();
    unsigned long long next = start, elapsed;
    unsigned int seed = 1;
    struct timespec ts;

    while ( !load_stop )
    {
        /* xorshift: the same gaps in every run. */
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        next += mean / 2 + seed % (mean + 1);
        ts.tv_sec = next / 1000000000ULL;
        ts.tv_nsec = next % 1000000000ULL;
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        if ( !load_stop )
            send_one(tx);
    }
    elapsed = now_ns() - start;
    load_report("%llu frames sent in %llu ms, %llu per second (%lu asked)",
                tx->frames, elapsed / 1000000,
                elapsed ? tx->frames * 1000000000ULL / elapsed : 0, fps);
}

static int parse_mac(const char *s, unsigned char mac[ETH_ALEN])
{
    unsigned int b[ETH_ALEN];
    char end;
    int i;

    if ( sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
                &b[4], &b[5], &end) != ETH_ALEN )
        return -1;
    for ( i = 0; i < ETH_ALEN; i++ )
        mac[i] = (unsigned char)b[i];

    return 0;
}

/* load-net -r FPS TX_IF MAC */
static int paced_main(int argc, char **argv)
{
    unsigned char tx_mac[ETH_ALEN], dst[ETH_ALEN];
    struct sender tx;
    unsigned long fps;
    char *end;
    int s, index;

    if ( argc != 5 )
        load_die("usage: load-net -r FPS TX_IF MAC");
    fps = strtoul(argv[2], &end, 10);
    if ( *end || !fps || fps > 1000000 )
        load_die("-r: %s is not a number of frames a second (1 to 1000000)",
                 argv[2]);
    if ( parse_mac(argv[4], dst) )
        load_die("%s is not a MAC address (xx:xx:xx:xx:xx:xx)", argv[4]);

    s = packet_socket(argv[3], &index, tx_mac);
    sender_init(&tx, s, index, dst, tx_mac);
    send_paced(&tx, fps);

    return 0;
}

int main(int argc, char **argv)
{
    unsigned char tx_mac[ETH_ALEN], rx_mac[ETH_ALEN];
    int tx, rx, tx_index, rx_index;
    struct sender sender;
    pid_t child;

    load_init("load-net");
    if ( argc > 1 && !strcmp(argv[1], "-r") )
        return paced_main(argc, argv);
    if ( argc != 3 || !strcmp(argv[1], argv[2]) )
        load_die("usage: load-net TX_IF RX_IF (two different interfaces), "
                 "or load-net -r FPS TX_IF MAC");

    tx = packet_socket(argv[1], &tx_index, tx_mac);
    rx = packet_socket(argv[2], &rx_index, rx_mac);

    child = fork();
    if ( child < 0 )
        load_die("fork: %s", strerror(errno));
    if ( child == 0 )
    {
        close(tx);
        receive(rx);
        return 0;
    }

    close(rx);
    sender_init(&sender, tx, tx_index, rx_mac, tx_mac);
    send_flood(&sender);
    kill(child, SIGTERM);
    waitpid(child, NULL, 0);

    return 0;
}
