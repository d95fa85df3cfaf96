import { questionSchema } from '../src/schemas/quiz';
console.log([...(questionSchema as any)._zod.propValues.type]);
console.log(questionSchema.options.map((o: any) => o.shape?.type?.value));
