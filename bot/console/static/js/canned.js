// Common replies window staff send to villagers. Plain, short, polite Chinese;
// {item} and {number} are filled from the ticket when one is open. Edit freely.

export const CANNED = [
  { title: "已收到，正在办理", text: "您好，您的{item}（编号{number}）我们已经收到，正在办理，请耐心等待，有结果会第一时间告诉您。" },
  { title: "请补交材料", text: "您好，您的{item}还缺少材料，请带齐后到便民服务中心窗口补交，补齐后我们马上继续办理。" },
  { title: "材料已收齐", text: "您好，您的材料已经收齐，我们正在抓紧办理，办好后会通知您。" },
  { title: "已办结，可来领取", text: "您好，您的{item}已经办好了，请带上身份证到便民服务中心窗口领取。" },
  { title: "需要本人到场", text: "您好，这项业务需要本人带身份证原件到便民服务中心办理，行动不便的可以让家属代办或联系村里代办员。" },
  { title: "办理时间", text: "便民服务中心办理时间：周一至周五 上午8:30—12:00，下午2:00—5:30（法定节假日除外）。" },
  { title: "电话联系", text: "您好，为了把事情说清楚，工作人员稍后会给您打电话，请留意来电。" },
  { title: "代办服务", text: "您好，中心可以提供全程代办服务，您把材料交给村代办员或送到窗口，我们帮您送到县里办理。" },
  { title: "转到其他部门", text: "您好，这件事由其他部门负责，我们已经帮您转过去了，他们会尽快联系您，编号不变：{number}。" },
  { title: "感谢评价", text: "感谢您对我们工作的支持，有什么问题随时在这里留言。" },
];

/** Fill {item} and {number}; a missing value leaves a readable blank. */
export function fill(text, ticket) {
  return text
    .replaceAll("{item}", (ticket && ticket.item) || "事项")
    .replaceAll("{number}", (ticket && ticket.number) || "");
}
