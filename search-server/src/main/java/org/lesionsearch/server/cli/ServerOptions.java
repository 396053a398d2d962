package org.lesionsearch.server.cli;

import java.nio.file.Path;
import org.lesionsearch.server.api.ServerConfig;
import picocli.CommandLine.Option;

/** The listening options shared by {@code serve} and {@code demo}. */
final class ServerOptions {

    @Option(names = "--host", defaultValue = ServerConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Patient data: open it up on purpose only.")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-body-bytes", defaultValue = "" + ServerConfig.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--max-k", defaultValue = "" + ServerConfig.DEFAULT_MAX_K,
            description = "Largest page size a search may ask for (default: ${DEFAULT-VALUE}).")
    int maxK;

    @Option(names = "--max-offset", defaultValue = "" + ServerConfig.DEFAULT_MAX_OFFSET,
            description = "Most hits a search may skip (default: ${DEFAULT-VALUE}).")
    int maxOffset;

    @Option(names = "--dicom-inbox", paramLabel = "DIR",
            description = "Take DICOM pushes (STOW-RS, POST /dicomweb/studies) into this folder, which"
                    + " 'index --source dicom:DIR' indexes (default: no pushes).")
    Path dicomInbox;

    @Option(names = "--max-stow-bytes", defaultValue = "" + ServerConfig.DEFAULT_MAX_STOW_BYTES,
            description = "Largest STOW-RS body accepted, streamed to disk; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxStowBytes;

    ServerConfig config() {
        return new ServerConfig(host, port, maxBodyBytes, maxK, maxOffset, dicomInbox, maxStowBytes);
    }
}
