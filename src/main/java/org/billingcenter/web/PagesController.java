package org.billingcenter.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the signed-in home page lives with the subscriptions it lists: subscription.web). */
@Controller
class PagesController {

  @GetMapping("/login")
  String login(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
    model.addAttribute("throttledMinutes", waitMinutes(throttled));
    return "web/login";
  }

  /** The wait the sign-in failure handler put in the address; anything else shows no number. */
  private static Integer waitMinutes(String throttled) {
    if (throttled == null || !throttled.matches("[0-9]{1,2}")) {
      return null;
    }
    int minutes = Integer.parseInt(throttled);
    return minutes >= 1 && minutes <= 15 ? minutes : null;
  }
}
