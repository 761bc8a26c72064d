package io.contractflow.workflow.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a request's path is read on each surface: named engines and the webapps' engine API lead to
 * the same path.
 */
class EngineSurfaceFilterPathTest {

  @Test
  void bothSurfacesAndNamedEnginesReachTheSameEnginePath() {
    assertThat(EngineSurfaceFilter.enginePath("/engine-rest/task/1/claim", true))
        .isEqualTo("/task/1/claim");
    assertThat(EngineSurfaceFilter.enginePath("/engine-rest/engine/default/task/1/claim", true))
        .isEqualTo("/task/1/claim");
    assertThat(
            EngineSurfaceFilter.enginePath(
                "/camunda/api/engine/engine/default/task/1/claim", false))
        .isEqualTo("/task/1/claim");
    assertThat(EngineSurfaceFilter.enginePath("/camunda/api/engine/engine", false))
        .isEqualTo("/engine");
    assertThat(EngineSurfaceFilter.enginePath("/engine-rest", true)).isEqualTo("/");
  }

  @Test
  void theWebappsOwnApiIsNotTheEngines() {
    assertThat(EngineSurfaceFilter.enginePath("/camunda/api/admin/auth/user/default", false))
        .isNull();
    assertThat(EngineSurfaceFilter.enginePath("/camunda/api/engineering", false)).isNull();
  }
}
