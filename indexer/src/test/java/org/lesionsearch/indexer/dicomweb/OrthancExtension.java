package org.lesionsearch.indexer.dicomweb;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Orthanc for a whole test class: started before its first test (the class is skipped
 * where Orthanc is not installed) and stopped after its last. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class OrthancExtension implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private OrthancServer server;

    public OrthancServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        OrthancServer.assumeInstalled();
        dir = Files.createTempDirectory("orthanc");
        server = OrthancServer.start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            IOUtils.rm(dir);
        }
    }
}
