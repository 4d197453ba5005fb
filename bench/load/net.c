/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * load-net TX_IF RX_IF: flood raw Ethernet frames (ethertype 0x88b5, for
 * local experiments; no IP) out of TX_IF to RX_IF's address, and count
 * what RX_IF receives, until SIGTERM.  The two interfaces are meant to be
 * joined by a hub inside the emulator: every frame is a receive
 * interrupt, like the NIC flood of a network under load.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
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

static void send_flood(int s, int ifindex, const unsigned char dst[ETH_ALEN],
                       const unsigned char src[ETH_ALEN])
{
    unsigned long long frames = 0;
    unsigned char frame[FRAME_LEN] = { 0 };
    struct ether_header *eh = (struct ether_header *)frame;
    struct sockaddr_ll to;

    memcpy(eh->ether_dhost, dst, ETH_ALEN);
    memcpy(eh->ether_shost, src, ETH_ALEN);
    eh->ether_type = htons(ETHERTYPE_LOCAL);

    memset(&to, 0, sizeof(to));
    to.sll_family = AF_PACKET;
    to.sll_ifindex = ifindex;
    to.sll_halen = ETH_ALEN;
    memcpy(to.sll_addr, dst, ETH_ALEN);

    while ( !load_stop )
    {
        memcpy(frame + sizeof(*eh), &frames, sizeof(frames));
        if ( sendto(s, frame, sizeof(frame), 0, (struct sockaddr *)&to,
                    sizeof(to)) == sizeof(frame) )
            frames++;
        else if ( errno != ENOBUFS && errno != EINTR && errno != EAGAIN )
            load_die("send: %s", strerror(errno));
    }
    load_report("%llu frames sent", frames);
}

int main(int argc, char **argv)
{
    unsigned char tx_mac[ETH_ALEN], rx_mac[ETH_ALEN];
    int tx, rx, tx_index, rx_index;
    pid_t child;

    load_init("load-net");
    if ( argc != 3 || !strcmp(argv[1], argv[2]) )
        load_die("usage: load-net TX_IF RX_IF (two different interfaces)");

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
    send_flood(tx, tx_index, rx_mac, tx_mac);
    kill(child, SIGTERM);
    waitpid(child, NULL, 0);

    return 0;
}
