package org.lesionsearch.server.api.stow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.lesionsearch.indexer.dicomweb.DicomInstanceStore;
import org.lesionsearch.indexer.dicomweb.StowReceiver;
import org.lesionsearch.indexer.dicomweb.StowResponse;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiException;

/**
 * STOW-RS under the DICOMweb root {@value #ROOT}: a PACS pushes new studies with
 * {@code POST /dicomweb/studies} (or {@code /dicomweb/studies/{study}}), a multipart/related
 * body of application/dicom instances. Instances are checked and stored in the DICOM inbox,
 * which {@code lesion-search index --source dicom:INBOX} indexes; the answer lists each
 * instance stored or refused in the STOW-RS shape (application/dicom+json): 200 all stored,
 * 202 some refused, 409 all refused. The body limit is the server's STOW-RS limit, checked
 * against Content-Length and while streaming, since the body goes to disk, not memory.
 */
public final class StowController implements Routes {

    public static final String ROOT = "/dicomweb";
    private static final String DICOM_JSON = "application/dicom+json";

    private final StowReceiver receiver;
    private final ObjectMapper mapper;

    public StowController(ApiContext context) {
        this(inbox(context.config().dicomInbox(), context.config().maxStowBytes()), context.bodies().mapper());
    }

    StowController(StowReceiver receiver, ObjectMapper mapper) {
        this.receiver = receiver;
        this.mapper = mapper;
    }

    private static StowReceiver inbox(Path dir, long maxBytes) {
        if (dir == null) {
            return null;
        }
        try {
            return new StowReceiver(new DicomInstanceStore(dir), maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the DICOM inbox " + dir, e);
        }
    }

    @Override
    public void register(Javalin app) {
        app.post(ROOT + "/studies", ctx -> store(ctx, null));
        app.post(ROOT + "/studies/{study}", ctx -> store(ctx, ctx.pathParam("study")));
    }

    private void store(Context ctx, String study) throws JsonProcessingException {
        if (receiver == null) {
            throw new ApiException(503, "this server takes no DICOM pushes: start it with --dicom-inbox DIR", null, null);
        }
        if (study != null && !DicomInstanceStore.validUid(study)) {
            throw ApiException.badRequest("study", "study '" + study + "' in the path is not a DICOM UID");
        }
        StowResponse answer;
        try {
            answer = receiver.receive(ctx.req().getInputStream(), ctx.contentType(), ctx.req().getContentLengthLong(), study);
        } catch (StowReceiver.StowRequestException e) {
            throw new ApiException(e.status(), e.getMessage(), null, null);
        } catch (IOException e) {
            throw new ApiException(400, "the request body could not be read: " + e.getMessage(), null, null);
        }
        ctx.status(answer.httpStatus()).contentType(DICOM_JSON).result(mapper.writeValueAsBytes(answer.toDicomJson()));
    }
}
