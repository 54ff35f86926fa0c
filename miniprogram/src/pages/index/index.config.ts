import { TEXT } from './text';

export default definePageConfig({
  navigationBarTitleText: TEXT.navigationTitle,
  // Required for useShareAppMessage: without it WeChat hides "转发" in the menu.
  enableShareAppMessage: true,
});
