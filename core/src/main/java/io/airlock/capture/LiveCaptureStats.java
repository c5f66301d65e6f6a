package io.airlock.capture;

/**
 * Counters of a live capture since it started, as libpcap reports them (struct pcap_stat). On Linux
 * {@code received} counts the packets that passed the BPF filter, whether or not they were read yet.
 *
 * @param received           packets the filter accepted (ps_recv)
 * @param droppedByKernel    packets the kernel dropped because the capture buffer was full (ps_drop)
 * @param droppedByInterface packets the network interface or its driver dropped (ps_ifdrop)
 */
public record LiveCaptureStats(long received, long droppedByKernel, long droppedByInterface) {

    /** Nothing counted. */
    public static final LiveCaptureStats NONE = new LiveCaptureStats(0, 0, 0);
}
