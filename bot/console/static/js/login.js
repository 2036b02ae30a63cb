// Login (with the TOTP code field when the account needs it), two-factor
// enrolment, and the caller's own account page (password change).

import { h, field, replace } from "./dom.js";
import * as api from "./api.js";
import { session, errorBox, pageHead, announce, act } from "./ui.js";
import { ROLES } from "./labels.js";

/** Render the login screen into `root`; resolves once logged in. */
export function loginView(root, onLoggedIn) {
  const username = h("input", { name: "username", autocomplete: "username", required: true, autocapitalize: "off" });
  const password = h("input", { name: "password", type: "password", autocomplete: "current-password", required: true });
  const otp = h("input", {
    name: "otp", inputmode: "numeric", autocomplete: "one-time-code", pattern: "[0-9]{6}", maxlength: "6",
  });
  const otpField = field("动态验证码（6位数字）", otp, "打开手机上的验证器应用，输入当前显示的6位数字。");
  otpField.hidden = true;
  const message = h("div", { class: "login-message", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "btn btn-primary btn-block" }, "登录");
  const form = h("form", { class: "login-form", novalidate: true },
    h("h1", { id: "page-title", tabindex: "-1" }, "便民服务中心 工作台"),
    h("p", { class: "login-sub" }, "窗口人员、部门负责人、带班领导登录"),
    field("用户名", username), field("密码", password), otpField, message, submit);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    replace(message);
    if (!username.value.trim() || !password.value) {
      replace(message, errorBox({ human: "请输入用户名和密码。" }));
      return;
    }
    const body = { username: username.value.trim(), password: password.value };
    if (!otpField.hidden && otp.value.trim()) body.otp = otp.value.trim();
    submit.disabled = true;
    submit.textContent = "正在登录…";
    try {
      const result = await api.post("login", body, { quiet401: true });
      api.setCsrf(result.csrf_token);
      session.me = { ...result.staff, csrf_token: result.csrf_token };
      onLoggedIn(result);
    } catch (err) {
      if (err.code === "otp_required") {
        otpField.hidden = false;
        otp.focus();
        replace(message, h("p", { class: "alert alert-info" }, err.message || "请输入动态验证码。"));
      } else {
        if (err.code === "bad_otp") otpField.hidden = false;
        replace(message, errorBox(err));
      }
    } finally {
      submit.disabled = false;
      submit.textContent = "登录";
    }
  });
  replace(root, h("div", { class: "login-wrap" }, form));
  username.focus();
}

/** The caller's account: name, role, password change, two-factor enrolment. */
export function accountView(root, { forced = false } = {}) {
  const me = session.me;
  const parts = [pageHead("我的账号")];
  if (forced) {
    parts.push(h("div", { class: "alert alert-info", role: "alert" },
      "您的岗位要求开启两步验证。请按下面的步骤绑定手机验证器，绑定后才能使用工作台。"));
  }
  parts.push(h("dl", { class: "facts" },
    h("dt", {}, "姓名"), h("dd", {}, me.display_name),
    h("dt", {}, "用户名"), h("dd", {}, me.username),
    h("dt", {}, "角色"), h("dd", {}, ROLES[me.role] || me.role),
    h("dt", {}, "部门"), h("dd", {}, me.department || "—"),
    h("dt", {}, "两步验证"), h("dd", {}, me.totp_enabled ? "已开启" : "未开启")));
  if (!me.totp_enabled) parts.push(enrolSection());
  if (!forced) parts.push(passwordSection());
  replace(root, h("section", { class: "account" }, parts));
}

function enrolSection() {
  const out = h("div", { class: "enrol-out" });
  const code = h("input", { inputmode: "numeric", maxlength: "6", autocomplete: "one-time-code" });
  const confirmBtn = h("button", { type: "submit", class: "btn btn-primary" }, "确认绑定");
  const confirm = h("form", { class: "inline-form", hidden: true }, field("验证器上的6位数字", code), confirmBtn);
  const startBtn = h("button", { type: "button", class: "btn" }, "开始绑定");
  startBtn.addEventListener("click", () => act(startBtn, async () => {
    const r = await api.post("me/2fa/start");
    replace(out,
      h("p", {}, "在手机验证器应用（如“腾讯身份验证器”“Google Authenticator”）中选择“手动输入密钥”，输入："),
      h("p", { class: "secret" }, r.secret.replace(/(.{4})/g, "$1 ").trim()),
      h("details", {}, h("summary", {}, "绑定链接（可复制到支持的应用）"), h("code", { class: "wrap" }, r.otpauth_uri)));
    confirm.hidden = false;
    code.focus();
  }));
  confirm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(confirmBtn, async () => {
      const r = await api.post("me/2fa/confirm", { code: code.value.trim() });
      api.setCsrf(r.csrf_token);
      session.me = { ...r.staff, csrf_token: r.csrf_token };
      announce("两步验证已开启。", "ok");
      location.hash = "#/queue/mine";
      window.dispatchEvent(new Event("bianmin:me"));
    });
  });
  return h("section", { class: "card" }, h("h2", {}, "绑定两步验证"), startBtn, out, confirm);
}

function passwordSection() {
  const current = h("input", { type: "password", autocomplete: "current-password" });
  const next = h("input", { type: "password", autocomplete: "new-password", minlength: "10" });
  const btn = h("button", { type: "submit", class: "btn btn-primary" }, "修改密码");
  const form = h("form", { class: "inline-form" }, field("当前密码", current), field("新密码（至少10位）", next), btn);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(btn, async () => {
      await api.post("me/password", { current: current.value, new: next.value });
      current.value = next.value = "";
    }, "密码已修改，其他设备上的登录已退出。");
  });
  return h("section", { class: "card" }, h("h2", {}, "修改密码"), form);
}
