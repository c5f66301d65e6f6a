package io.airlock.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which hosts are cameras and whom each may reach. Cameras come from the policy, or when it names none, from the
 * traffic: a host that answers RTSP, or sends RTP to a host that speaks RTSP as a client. Sanctioned peers come from
 * the policy, or else are the camera's own RTSP clients; configured NTP and DNS servers are sanctioned either way.
 */
final class Cameras {

    private static final int MAX_CAMERAS = 4096;
    private static final int MAX_RTSP_CLIENTS = 4096;

    private final WatchPolicy policy;
    private final AddressTable<CameraState> cameras = new AddressTable<>(MAX_CAMERAS);
    private final AddressTable<Boolean> sanctioned = new AddressTable<>(MAX_RTSP_CLIENTS);
    private final AddressTable<Boolean> rtspClients = new AddressTable<>(MAX_RTSP_CLIENTS);
    private final List<AddressBlock> sanctionedBlocks = new ArrayList<>();

    Cameras(WatchPolicy policy) {
        this.policy = policy;
        for (Map.Entry<String, String> e : policy.cameras().entrySet()) {
            long[] a = IpKey.parse(e.getKey());
            if (a != null) {
                String name = e.getValue().isEmpty() ? null : e.getValue();
                cameras.put(a[0], a[1], new CameraState(a[0], a[1], name, false));
            }
        }
        for (String ip : policy.sanctioned()) {
            sanction(ip);
        }
        for (String ip : policy.timeAndNameServers()) {
            sanction(ip);
        }
    }

    /** The camera among two endpoints (the first if both are), or null. */
    CameraState owner(long aHi, long aLo, long bHi, long bLo) {
        CameraState c = cameras.get(aHi, aLo);
        return c != null ? c : cameras.get(bHi, bLo);
    }

    /** Whether {@code camera} may reach the address. */
    boolean sanctioned(CameraState camera, long hi, long lo) {
        if (sanctioned.contains(hi, lo)) {
            return true;
        }
        for (int i = 0; i < sanctionedBlocks.size(); i++) {
            if (sanctionedBlocks.get(i).contains(hi, lo)) {
                return true;
            }
        }
        return policy.infersSanctioned() && camera.rtspClients.contains(hi, lo);
    }

    /** The flow's server answered in RTSP: it is a camera (when inferring) and the client one of its recorders. */
    void rtspServer(WatchedFlow flow, Consumer<CameraState> promoted) {
        rtspClients.put(flow.clientHi, flow.clientLo, Boolean.TRUE);
        CameraState camera = cameras.get(flow.serverHi, flow.serverLo);
        if (camera == null) {
            camera = promote(flow.serverHi, flow.serverLo, promoted);
        }
        if (camera != null) {
            camera.rtspClients.put(flow.clientHi, flow.clientLo, Boolean.TRUE);
        }
    }

    /** The flow's client sends RTP: if the receiver is an RTSP client, the sender is a camera. */
    void rtpSender(WatchedFlow flow, Consumer<CameraState> promoted) {
        if (rtspClients.contains(flow.serverHi, flow.serverLo) && !cameras.contains(flow.clientHi, flow.clientLo)) {
            CameraState camera = promote(flow.clientHi, flow.clientLo, promoted);
            if (camera != null) {
                camera.rtspClients.put(flow.serverHi, flow.serverLo, Boolean.TRUE);
            }
        }
    }

    int count() {
        return cameras.size();
    }

    private CameraState promote(long hi, long lo, Consumer<CameraState> promoted) {
        if (!policy.infersCameras()) {
            return null;
        }
        if (cameras.size() == MAX_CAMERAS) {
            return null;
        }
        CameraState camera = new CameraState(hi, lo, null, true);
        cameras.put(hi, lo, camera);
        promoted.accept(camera);
        return camera;
    }

    private void sanction(String text) {
        if (text.contains("/")) {
            AddressBlock block = AddressBlock.parse(text);
            if (block != null) {
                sanctionedBlocks.add(block);
            }
            return;
        }
        long[] a = IpKey.parse(text);
        if (a != null) {
            sanctioned.put(a[0], a[1], Boolean.TRUE);
        }
    }
}
