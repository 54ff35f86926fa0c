import { TEXT } from './text';

export default definePageConfig({
  navigationBarTitleText: TEXT.title,
});
