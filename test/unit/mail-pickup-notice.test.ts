import { describe, expect, it } from 'vitest';
import { composePickupNotice, formatJapaneseDate, maskCardNumber, type PickupNoticeInput } from '../../functions/mail/pickup-notice.js';

const notice = (overrides: Partial<PickupNoticeInput> = {}): PickupNoticeInput => ({
  patronName: '水戸 花子',
  cardNumber: '12345678',
  libraryName: '水戸市立図書館',
  inquiryAddress: 'chuou@library-mito.jp',
  items: [
    { title: '吾輩は猫である', pickupBranchName: '中央図書館', pickupDeadline: '2026-12-08' },
    { title: '坊っちゃん', pickupBranchName: '見和図書館', pickupDeadline: '2026-12-13' },
    { title: '草枕', pickupBranchName: '内原図書館', pickupDeadline: '2027-01-04' },
  ],
  ...overrides,
});

/** Display width as a fixed-width mail reader shows it: full-width characters take two columns. */
const columns = (line: string): number => [...line].reduce((sum, c) => sum + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);

describe('SPEC 5.6 pickup notice (予約連絡) composition', () => {
  it('SPEC 5.6: the subject names the library and says the holds are ready, in Japanese', () => {
    expect(composePickupNotice(notice()).subject).toBe('【水戸市立図書館】予約資料のご用意ができました');
  });

  it('SPEC 5.6: one mail lists every item with title, pickup branch and deadline, in text and HTML', () => {
    const { text, html } = composePickupNotice(notice());
    const expected = [
      ['吾輩は猫である', '中央図書館', '2026年12月8日(火)'],
      ['坊っちゃん', '見和図書館', '2026年12月13日(日)'],
      ['草枕', '内原図書館', '2027年1月4日(月)'],
    ] as const;
    for (const [title, branch, deadline] of expected) {
      expect(text).toContain(title);
      expect(text).toContain(`受取館：${branch}`);
      expect(text).toContain(`期限日：${deadline}`);
      expect(html).toContain(`<tr><td>${title}</td><td>${branch}</td><td>${deadline}</td></tr>`);
    }
    // In the order given, each once.
    const positions = expected.map(([title]) => text.indexOf(title));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text.match(/^■/gm)).toHaveLength(3);
    expect(html.match(/<tr><td>/g)).toHaveLength(3);
  });

  it.each([
    ['2026-12-08', '2026年12月8日(火)'],
    ['2026-12-06', '2026年12月6日(日)'],
    ['2026-12-12', '2026年12月12日(土)'],
    ['2028-02-29', '2028年2月29日(火)'],
    ['2027-01-01', '2027年1月1日(金)'],
  ])('SPEC 5.6: deadline %s is written %s', (date, written) => {
    expect(formatJapaneseDate(date)).toBe(written);
  });

  it('SPEC 5.6: a deadline that is not a calendar date is a bug, not a mail', () => {
    expect(() => composePickupNotice(notice({ items: [{ title: 'x', pickupBranchName: 'y', pickupDeadline: '2026-02-30' }] }))).toThrow();
  });

  it('SPEC 5.6: says the card is needed, the hold is released after the deadline, and where to ask', () => {
    const { text, html } = composePickupNotice(notice());
    for (const body of [text, html]) {
      expect(body).toContain('図書館利用カードをお持ちください');
      expect(body).toContain('期限日をすぎた場合は、予約を解除します');
      expect(body).toContain('chuou@library-mito.jp');
      expect(body).toContain('水戸 花子 様');
    }
    expect(html).toContain('<a href="mailto:chuou@library-mito.jp">');
  });

  it('SPEC 5.6: the 利用状況 link appears only when the status page has an address', () => {
    const without = composePickupNotice(notice());
    expect(without.text).not.toContain('利用状況');
    expect(without.html).not.toContain('利用状況');
    const withUrl = composePickupNotice(notice({ statusUrl: 'https://www.library-mito.jp/status' }));
    expect(withUrl.text).toContain('「利用状況」');
    expect(withUrl.text).toContain('https://www.library-mito.jp/status');
    expect(withUrl.html).toContain('<a href="https://www.library-mito.jp/status">');
  });

  it('SPEC 5.6: a status link that is not http(s) is refused', () => {
    expect(() => composePickupNotice(notice({ statusUrl: 'javascript:alert(1)' }))).toThrow();
  });

  it('SPEC 5.6: the card number is masked but for its last 4 digits (mail gets forwarded)', () => {
    const { subject, text, html } = composePickupNotice(notice());
    for (const part of [subject, text, html]) expect(part).not.toContain('12345678');
    expect(text).toContain('****5678');
    expect(html).toContain('****5678');
    expect(text).not.toMatch(/1234/);
    expect(maskCardNumber('00012345')).toBe('****2345');
    expect(maskCardNumber('1234')).toBe('****');
  });

  it('SPEC 5.6: every interpolated value is escaped in the HTML part', () => {
    const evil = `<script>alert("x")</script> & 'quoted'`;
    const { text, html } = composePickupNotice(
      notice({
        patronName: '<b>名前</b>',
        items: [{ title: evil, pickupBranchName: '"東部"&<図書館>', pickupDeadline: '2026-12-08' }],
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(html).toContain('&quot;東部&quot;&amp;&lt;図書館&gt;');
    expect(html).toContain('&lt;b&gt;名前&lt;/b&gt; 様');
    // The text part is plain text: shown as written.
    expect(text).toContain(evil);
  });

  it('SPEC 5.6: a line break inside a title cannot add lines to the mail', () => {
    const { text } = composePickupNotice(
      notice({ items: [{ title: '上巻\r\n期限日：2099年1月1日(木)', pickupBranchName: '中央図書館', pickupDeadline: '2026-12-08' }] }),
    );
    expect(text).toContain('■1. 上巻 期限日：2099年1月1日(木)');
    expect(text.match(/^ {2}期限日：/gm)).toHaveLength(1);
  });

  it('SPEC 5.6: the text lines we write stay short (titles and addresses aside)', () => {
    const input = notice({ statusUrl: 'https://www.library-mito.jp/status' });
    const { text } = composePickupNotice(input);
    const values = [...input.items.map((i) => i.title), 'https://', '@'];
    const ours = text.split('\n').filter((line) => !values.some((v) => line.includes(v)));
    expect(ours.length).toBeGreaterThan(10);
    for (const line of ours) expect(columns(line), line).toBeLessThanOrEqual(72);
  });

  it('SPEC 5.6: a notice without items is refused', () => {
    expect(() => composePickupNotice(notice({ items: [] }))).toThrow();
  });

  describe('SPEC 5.6 / issue 10.6: the pickup branch, its phone number and its hours', () => {
    const central = {
      name: '中央図書館',
      phone: '029-226-6000',
      days: [
        { date: '2026-12-05', open: true, opensAt: '09:30', closesAt: '17:00' },
        { date: '2026-12-06', open: true, opensAt: '09:30', closesAt: '17:00' },
        { date: '2026-12-07', open: false },
        { date: '2026-12-08', open: true, opensAt: '09:30', closesAt: '19:00' },
      ],
    };

    it('names each pickup branch with its phone number and every day until the deadline, closed days said so', () => {
      const { text, html } = composePickupNotice(notice({ branches: [central] }));
      expect(text).toContain(
        '【受取館の電話番号と開館時間】\n■中央図書館\n  電話：029-226-6000\n  12月5日(土) 9:30～17:00\n  12月6日(日) 9:30～17:00\n  12月7日(月) 休館\n  12月8日(火) 9:30～19:00\n',
      );
      expect(html).toContain('<strong>中央図書館</strong><br>電話：<a href="tel:0292266000">029-226-6000</a>');
      expect(html).toContain('<li>12月7日(月) 休館</li>');
      expect(html).toContain('<li>12月8日(火) 9:30～19:00</li>');
    });

    it('a branch without a phone number is named with its hours only; no branches, no section', () => {
      const { text } = composePickupNotice(notice({ branches: [{ ...central, phone: undefined }] }));
      expect(text).toContain('■中央図書館\n  12月5日(土)');
      expect(text).not.toContain('電話：');
      expect(composePickupNotice(notice()).text).not.toContain('受取館の電話番号');
    });

    it('branch values are one line and escaped in HTML', () => {
      const { text, html } = composePickupNotice(notice({ branches: [{ ...central, name: '<中央>\n図書館', phone: '029"><x' }] }));
      expect(text).toContain('■<中央> 図書館');
      expect(html).not.toContain('<中央>');
      expect(html).not.toContain('"><x');
    });

    it('the lines it adds stay short', () => {
      const { text } = composePickupNotice(notice({ branches: [central] }));
      const section = text.slice(text.indexOf('【受取館'), text.indexOf('・'));
      for (const line of section.split('\n')) expect(columns(line), line).toBeLessThanOrEqual(72);
    });
  });
});
