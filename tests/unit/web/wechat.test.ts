import { expect, test } from 'vitest'
import { isPreviewable, isWeChatBrowser } from '../../../src/domain/wechat.ts'

const WECHAT_ANDROID =
  'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2586 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64'
const WECHAT_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.48(0x18003030) NetType/WIFI Language/zh_CN'
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 13; V2183A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36'
const IOS_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const QQ_BROWSER = 'Mozilla/5.0 (Linux; U; Android 13; zh-cn; V2183A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.1 Mobile Safari/537.36'

test("WeChat's in-app browser is recognised on Android and iOS", () => {
  expect(isWeChatBrowser(WECHAT_ANDROID)).toBe(true)
  expect(isWeChatBrowser(WECHAT_IOS)).toBe(true)
})

test('other phone browsers are not WeChat', () => {
  for (const userAgent of [ANDROID_CHROME, IOS_SAFARI, QQ_BROWSER, '']) expect(isWeChatBrowser(userAgent)).toBe(false)
})

test('PDFs and images can be previewed in the tab; Word and Excel cannot', () => {
  expect(isPreviewable('application/pdf')).toBe(true)
  expect(isPreviewable('image/png')).toBe(true)
  expect(isPreviewable('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(false)
  expect(isPreviewable('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe(false)
})
