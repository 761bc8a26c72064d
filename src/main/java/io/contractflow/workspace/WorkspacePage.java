package io.contractflow.workspace;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The workspace, the business users' web app at {@code /}: one page of plain ES modules and CSS
 * under {@code static/app/} that call the public API with the browser's session (see
 * docs/workspace.md). Its pages are routes after the {@code #}.
 */
@Controller
@Hidden
class WorkspacePage {

  @GetMapping({"/", "/index.html"})
  String app() {
    return "forward:/app/index.html";
  }

  /**
   * A contract's page by a plain address, as links from elsewhere name it (Tasklist's task, the
   * renewals calendar's events, mail): the workspace's route for it.
   */
  @GetMapping("/contracts/{id}")
  String contract(@PathVariable UUID id) {
    return "redirect:/#/contracts/" + id;
  }
}
