import { messageWithoutPlace } from "../../src/core/checks/render";
import { placeOf } from "../../src/core/checks/place";

describe("a finding's place and its message without it", () => {
  it("drops the leading Sheet!Cell the pane and the text report already show", () => {
    const f = { sheet: "平成27–28", cell: "D14", message: "平成27–28!D14: 現状値が「見込み」のままです。" };
    expect(placeOf(f)).toBe("平成27–28!D14");
    expect(messageWithoutPlace(f)).toBe("現状値が「見込み」のままです。");
  });

  it("keeps a message that does not start with its place, and one with no place", () => {
    expect(messageWithoutPlace({ sheet: "S", cell: "A1", message: "別の書き出し" })).toBe("別の書き出し");
    expect(messageWithoutPlace({ sheet: null, cell: null, message: "全体" })).toBe("全体");
    expect(placeOf({ sheet: "S", cell: null })).toBe("S");
  });
});
