package io.contractflow.workspace;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

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
}
