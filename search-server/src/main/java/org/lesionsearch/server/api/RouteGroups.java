package org.lesionsearch.server.api;

import java.util.List;
import org.lesionsearch.server.api.health.HealthController;
import org.lesionsearch.server.api.lesions.LesionController;
import org.lesionsearch.server.api.openapi.OpenApiController;
import org.lesionsearch.server.api.patients.PatientController;
import org.lesionsearch.server.api.search.SearchController;
import org.lesionsearch.server.api.stow.StowController;

/**
 * Every route group the server mounts, in one list: add a feature's routes with one line here
 * and describe them in {@code openapi.json} (a test checks that both agree).
 */
public final class RouteGroups {

    private RouteGroups() {
    }

    public static List<Routes> all(ApiContext context) {
        return List.of(
                new HealthController(context),
                new LesionController(context),
                new SearchController(context),
                new PatientController(context),
                new org.lesionsearch.server.api.query.QueryController(context),
                new org.lesionsearch.server.api.matching.MatchingController(context),
                new StowController(context),
                new org.lesionsearch.server.api.labels.LabelController(context),
                new org.lesionsearch.server.api.thumbnails.ThumbnailController(context),
                new org.lesionsearch.server.api.lesionpage.LesionPageController(context),
                new org.lesionsearch.server.api.example.ExampleController(context),
                new org.lesionsearch.server.web.WebPage(),
                new OpenApiController());
    }
}
